import { checkReadingAge, estimateReadingAge, MAX_READING_AGE, MIN_READING_AGE } from './reading-age.js';

describe('estimateReadingAge', () => {
  it('scores a published example: the platypus sentence is Flesch-Kincaid grade 13.1, an adult reading age', () => {
    // 13 words, 1 sentence, 26 syllables: 0.39 × 13 + 11.8 × 2 − 15.59 = 13.08.
    const estimate = estimateReadingAge(
      'The Australian platypus is seemingly a hybrid of a mammal and reptilian creature.',
    );
    expect(estimate).toMatchObject({ grade: 13.1, words: 13, sentences: 1, readingAge: MAX_READING_AGE });
    expect(estimate.longWords).toEqual(['australian', 'platypus', 'reptilian', 'seemingly']);
  });

  it('scores a plain answer at reading age 9 (counted by hand: 25 words, 2 sentences, 31 syllables)', () => {
    // 0.39 × 12.5 + 11.8 × 31 / 25 − 15.59 = 3.917; + 5 = 8.9, rounded 9.
    const estimate = estimateReadingAge(
      'You told us that moving school was the hardest part of moving home. ' +
        'From September, you will keep your school unless you choose to move.',
    );
    expect(estimate).toMatchObject({ grade: 3.9, readingAge: 9, words: 25, sentences: 2 });
    expect(estimate.advice).toMatch(/^Easy to read/);
  });

  it('clamps very easy text to the youngest reading age, and says so kindly', () => {
    // 0.39 × 6 + 11.8 × 6 / 6 − 15.59 = −1.45: below the scale.
    const estimate = estimateReadingAge('The cat sat on the mat.');
    expect(estimate).toMatchObject({ readingAge: MIN_READING_AGE, words: 6, sentences: 1 });
    expect(estimate.grade).toBeLessThan(0);
  });

  it('advises shorter sentences and names the long words to swap when the text is hard', () => {
    const estimate = estimateReadingAge(
      'The corporate parenting board, having considered the representations received, determined that ' +
        'accommodation arrangements would henceforth prioritise educational continuity, notwithstanding ' +
        'additional expenditure.',
    );
    expect(estimate).toMatchObject({ readingAge: MAX_READING_AGE, words: 21, sentences: 1 });
    expect(estimate.advice).toContain('Use shorter sentences (yours average 21 words');
    expect(estimate.advice).toContain('accommodation');
  });

  it('reads harder as the same message gets longer words and sentences', () => {
    const plain = estimateReadingAge('We heard you. You can stay at your school. We will check it works.');
    const wordy = estimateReadingAge(
      'Following careful consideration of your representations, the board has determined that educational ' +
        'continuity will be maintained wherever practicable, subject to periodic review.',
    );
    expect(plain.readingAge!).toBeLessThan(wordy.readingAge!);
  });

  describe('counts sentences robustly', () => {
    it.each([
      [
        'abbreviations, initials, times and decimals',
        'Dr. Patel and J. Smith met us at 3.30 p.m. on Monday. It went well!',
        2,
      ],
      ['a dotted abbreviation ending a sentence', 'We met at 3 p.m. Then we talked.', 2],
      ['e.g. and i.e. inside a sentence', 'We can help, e.g. with travel, i.e. bus fares. Ask us.', 2],
      ['an ellipsis and ?! endings', 'We tried... It was hard?! Yes', 3],
      ['quotes closing a sentence', 'You said "no more moves." We agreed.', 2],
      [
        'a list without full stops, each item a sentence',
        'We did three things:\n- more visits\n- a new phone\n- your own room',
        4,
      ],
      ['numbered items and Windows line endings', 'What we did\r\n1. More visits\r\n2) A new phone', 3],
      ['paragraphs without a last full stop', 'First we listened\n\nThen we acted', 2],
      ['one long line without any full stop', 'thank you for telling us about your room', 1],
    ])('%s', (_, text, sentences) => {
      expect(estimateReadingAge(text).sentences).toBe(sentences);
    });
  });

  it('counts dotted abbreviations and contractions as one word each', () => {
    expect(estimateReadingAge("We'll help, e.g. with fares.").words).toBe(5);
  });

  it('gives no age, and says why, when there are no words', () => {
    for (const text of ['', '   ', '... !!! ?']) {
      expect(estimateReadingAge(text)).toEqual({
        readingAge: null,
        grade: null,
        words: 0,
        sentences: 0,
        longWords: [],
        advice: 'There are no words to measure yet.',
      });
    }
  });
});

describe("checkReadingAge: against the board's limit for answers", () => {
  it('says whether an answer is within the limit (no words: nothing to refuse)', () => {
    const plain = 'We heard you. You can stay at your school. We will check it works.';
    expect(checkReadingAge(plain, 11)).toMatchObject({ limit: 11, withinLimit: true });
    const hard = 'The board determined that accommodation arrangements would prioritise educational continuity.';
    expect(checkReadingAge(hard, 11)).toMatchObject({ readingAge: MAX_READING_AGE, limit: 11, withinLimit: false });
    expect(checkReadingAge('', 7)).toMatchObject({ readingAge: null, limit: 7, withinLimit: true });
  });
});
