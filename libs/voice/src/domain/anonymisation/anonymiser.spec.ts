import { anonymise } from '../../contracts/anonymisation.js';
import { createAnonymiser } from './anonymiser.js';
import { lexiconFromHunspell } from './english-lexicon.js';
import { PLACEHOLDER } from './removed-span.js';

describe('anonymise: the words with anything that could identify anyone removed', () => {
  it.each([
    ['an email address', 'Email me at sam.jones+cpb@example.co.uk please', 'sam.jones+cpb@example.co.uk', 'contact'],
    ['a web address', 'My page is https://example.org/me?id=3 and more', 'https://example.org/me?id=3', 'contact'],
    ['a www address', 'see www.example.org/blog', 'www.example.org/blog', 'contact'],
    ['a social media handle', 'follow @sam_j.22 for updates', '@sam_j.22', 'handle'],
    ['a handle without its @', 'my snap is kez_2010 add me', 'kez_2010', 'handle'],
    ['a mobile number with spaces', 'ring 07700 900123 after school', '07700 900123', 'contact'],
    ['a landline with +44', 'call +44 20 7946 0958 today', '+44 20 7946 0958', 'contact'],
    ['a postcode', 'I live near NE1 4ST now', 'NE1 4ST', 'address'],
    ['a postcode without its space', 'I live near sw1a1aa now', 'sw1a1aa', 'address'],
    ['a full name', 'My social worker Jane Quillfeather never rings back', 'Jane Quillfeather', 'name'],
    ['a name in lower case', 'me and kayleigh got moved', 'kayleigh', 'name'],
    ['a nickname after "my mate"', 'my mate jonno says hi', 'jonno', 'name'],
    ['a title and surname', 'Mrs Patel is the best carer', 'Mrs Patel', 'name'],
    ['a town', 'they moved me to gateshead', 'gateshead', 'place'],
    ['a street address', 'I live at 12 Acacia Road with my carer', '12 Acacia Road', 'address'],
    ['a school', 'Tyler from St Marys RC Primary said so', 'St Marys RC Primary', 'school'],
    ['a university', 'Im at Sunderland uni now', 'Sunderland uni', 'school'],
    ['a date of birth', 'my birthday is 3rd march 2009', '3rd march 2009', 'date'],
    ['a numeric date of birth', 'dob 14/02/2010', '14/02/2010', 'date'],
    ['a month and year of birth', 'i was born in march 2012', 'march 2012', 'date'],
  ] as const)('removes %s and says what it was', (_, text, detail, kind) => {
    const result = anonymise(text);
    expect(result.text).not.toContain(detail);
    expect(result.text).toContain(PLACEHOLDER[kind]);
    const span = result.removed.find((r) => r.text.includes(detail));
    expect(span).toMatchObject({ kind });
    expect(text.slice(span!.start, span!.end)).toBe(span!.text);
  });

  it('replaces each removed span with its placeholder and lists them in order', () => {
    const text = 'Kai and Riley live in Leeds, ring 07700 900123';
    expect(anonymise(text)).toEqual({
      text: '[name] and [name] live in [place], ring [contact]',
      removed: [
        { kind: 'name', text: 'Kai', start: 0, end: 3 },
        { kind: 'name', text: 'Riley', start: 8, end: 13 },
        { kind: 'place', text: 'Leeds', start: 22, end: 27 },
        { kind: 'contact', text: '07700 900123', start: 34, end: 46 },
      ],
    });
  });

  it.each([
    'I am 15 and since 2024 I have moved 3 times; my social worker visits at 4.30 on Fridays.',
    'I go to the Children in Care Council every month and I am in Year 10',
    'I love Fortnite and we went to Nandos after the review in May',
    'The Board should listen to Care Leavers more. I want to do English at A level',
    'my IRO and my PEP meeting were on the same day, CAMHS never came',
    'I am Muslim and my carers cook pork, it is not ok',
    'Can I have my phone back at 10pm, I am 16 not 6',
    'I want more say about where I live next.',
    'Moving school was the worst part. Let me stay at my school.',
    'we go to the park down the road after school',
  ])('leaves ordinary words, ages, years, times, services and roles alone: %s', (text) => {
    expect(anonymise(text)).toEqual({ text, removed: [] });
  });

  it('keeps a moderator’s placeholders as they are', () => {
    const text = 'My carer [name] shouts at me. The [redacted] words';
    expect(anonymise(text).text).toBe(text);
  });

  it('removes a board’s own places and names given as options', () => {
    const local = createAnonymiser(lexiconFromHunspell('0\nhouse\nestate\n'), {
      places: ['the wrekenton estate'],
      names: ['zed'],
    });
    expect(local('zed lives on the wrekenton estate').text).toBe('[name] lives on [place]');
  });

  it('is total: any text gives text back, and offsets that point into the original', () => {
    for (const text of ['', ' ', '\ud800', '[[]]', 'a'.repeat(5000), '@@@ ### 0000 ...', 'Ünïcödé Łódź 😀 Zoë']) {
      const result = anonymise(text);
      expect(typeof result.text).toBe('string');
      for (const span of result.removed) expect(text.slice(span.start, span.end)).toBe(span.text);
    }
  });
});
