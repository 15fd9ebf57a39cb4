import { DEFAULT_SAFEGUARDING_RULES, screen } from '#voice/contracts';
import {
  ANSWER_FROM_AUTHOR,
  FIRST_NAMES,
  FLAGGED_VIEW_WORDS,
  MODERATOR_ESCALATED_WORDS,
  SUMMARY_WORDS,
  summaryOf,
  VIEW_WORDS,
} from './board-year.words.js';

describe('the board year scenario’s words', () => {
  const ordinary = Object.values(VIEW_WORDS).flatMap((texts) =>
    texts.flatMap((text) => FIRST_NAMES.map((name) => text.replace('{name}', name))),
  );

  it('pass the default safeguarding screen, with every name filled in', () => {
    const flagged = [...ordinary, MODERATOR_ESCALATED_WORDS, ANSWER_FROM_AUTHOR].filter(
      (text) => screen(text, DEFAULT_SAFEGUARDING_RULES).flagged,
    );
    expect(flagged).toEqual([]);
  });

  it('include one view the screen flags', () => {
    expect(screen(FLAGGED_VIEW_WORDS, DEFAULT_SAFEGUARDING_RULES)).toEqual({
      flagged: true,
      matchedCategories: ['harm'],
    });
  });

  it('have a summary for every view, theme by theme, without a name in it', () => {
    for (const [theme, texts] of Object.entries(VIEW_WORDS)) {
      expect(SUMMARY_WORDS[theme]).toHaveLength(texts.length);
      for (const text of texts) expect(summaryOf(theme, text)).toEqual(expect.any(String));
    }
    const summaries = Object.values(SUMMARY_WORDS).flat();
    for (const name of FIRST_NAMES) expect(summaries.join(' ')).not.toMatch(new RegExp(`\\b${name}\\b`));
    expect(summaries.filter((text) => screen(text, DEFAULT_SAFEGUARDING_RULES).flagged)).toEqual([]);
  });
});
