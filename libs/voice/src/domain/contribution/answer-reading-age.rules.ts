import { RuleBroken, checkInput } from '#kernel';
import { ANSWER_READING_AGE, estimateReadingAge } from '../reading-age/reading-age.js';
import type { RecordFeedback } from './contribution.commands.js';
import type { AnswerReadingAge } from './contribution.events.js';

// An answer to young people must be one they can read. Its reading age is measured when it is sent:
// above the board's limit it is refused, unless the sender records why it must go as it is (a legal
// term that cannot be avoided, a reply to a care leaver's formal complaint). The reason is kept.

export const READING_AGE_REASON_MAX_CHARS = 1000;

/** The reading age recorded with the answer; throws reading-age-too-high above the limit with no reason. */
export function answerReadingAge({ data }: RecordFeedback): AnswerReadingAge {
  const limit = data.facts?.readingAgeLimit ?? ANSWER_READING_AGE.default;
  const reason = data.readingAgeReason;
  checkInput()
    .that(
      Number.isInteger(limit) && limit >= ANSWER_READING_AGE.min && limit <= ANSWER_READING_AGE.max,
      'facts.readingAgeLimit',
      `must be a whole reading age from ${ANSWER_READING_AGE.min} to ${ANSWER_READING_AGE.max}`,
    )
    .that(reason === undefined || typeof reason === 'string', 'readingAgeReason', 'must be text when given')
    .done();
  if (typeof reason === 'string' && reason.trim() !== '') {
    checkInput().boundedText('readingAgeReason', reason, READING_AGE_REASON_MAX_CHARS).done();
  }
  const estimate = estimateReadingAge(data.text);
  const estimated = estimate.readingAge;
  if (estimated === null || estimated <= limit) return { estimated, limit };
  const why = reason?.trim();
  if (!why) {
    throw new RuleBroken(
      'reading-age-too-high',
      `This answer has a reading age of ${estimated}${estimated === ANSWER_READING_AGE.max ? ' or more' : ''}, ` +
        `above this board's limit of ${limit}. Use shorter sentences and shorter words, or record why it must ` +
        'be sent as it is (readingAgeReason).',
      { readingAge: estimated, limit, longWords: estimate.longWords, advice: estimate.advice },
    );
  }
  return { estimated, limit, reason: why };
}
