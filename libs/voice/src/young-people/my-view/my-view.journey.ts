import type { Sharing } from '../../domain/index.js';
import type { ReceiptRow } from '../receipts/receipt-lookup.js';
import type { JourneyStepDto, MyViewResponse } from './my-view.dto.js';

// The young person's own words for each step. A safeguarding escalation is never named: they are told
// a worker will be in touch, which is what happens.
const WORDS = {
  submitted: 'We have your view.',
  accepted: 'Your view has been read and will go to the board.',
  'under-review': 'Your view has been read. A worker will be in touch if you need help.',
  'question-asked': 'Someone has a question about your view.',
  answered: 'Thank you for answering the question.',
  tabled: 'Your view is on the agenda of a board meeting.',
  considered: 'The board talked about your view at its meeting.',
  feedback: 'The board has answered your view.',
  closed: 'This view is finished. Thank you for taking part.',
  withdrawn: 'You took your view back. The board will not use it.',
} as const;

type Step = keyof typeof WORDS;

/** The view's journey, oldest step first, with a question waiting for an answer and the board's answer. */
export function journeyOf(row: ReceiptRow): MyViewResponse {
  const journey: JourneyStepDto[] = row.steps
    .filter((entry) => entry.step in WORDS)
    .map(({ step, at }) => ({ step, at, words: WORDS[step as Step] }));
  const status = journey[journey.length - 1]!.step;
  return {
    status,
    journey,
    sharing: row.sharing as Sharing,
    ...(row.question !== undefined ? { question: row.question } : {}),
    ...(row.feedback !== undefined ? { feedback: row.feedback } : {}),
    whatHappensNext: nextFor(status as Step),
  };
}

function nextFor(status: Step): string {
  switch (status) {
    case 'question-asked':
      return 'Please answer the question with your receipt code so we can take your view forward.';
    case 'feedback':
    case 'closed':
      return 'Thank you. You can still change how your view is shared.';
    case 'withdrawn':
      return 'Nothing more will happen with this view.';
    case 'under-review':
      return 'A worker will be in touch if you need help. You can come back with your code at any time.';
    default:
      return 'Come back with your code to see what happens next.';
  }
}
