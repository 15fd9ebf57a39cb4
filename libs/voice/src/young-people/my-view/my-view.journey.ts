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

/** The view's journey, oldest step first, with the question and the board's answer if any. */
export function journeyOf(row: ReceiptRow): MyViewResponse {
  const steps: Array<[Step, string | undefined]> = [
    ['submitted', row.submittedAt],
    [row.review === 'support' ? 'under-review' : 'accepted', row.reviewedAt],
    ['question-asked', row.questionAt],
    ['answered', row.answeredAt],
    ['tabled', row.tabledAt],
    ['considered', row.consideredAt],
    ['feedback', row.feedbackAt],
    ['closed', row.closedAt],
    ['withdrawn', row.withdrawnAt],
  ];
  const journey: JourneyStepDto[] = steps
    .filter((entry): entry is [Step, string] => entry[1] !== undefined)
    .map(([step, at]) => ({ step, at, words: WORDS[step] }))
    // Stable: steps of the same instant keep their order above.
    .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  const status = journey[journey.length - 1]!.step;
  const waitingForAnswer = row.question !== undefined && row.answeredAt === undefined && row.withdrawnAt === undefined;
  return {
    status,
    journey,
    sharing: row.sharing as Sharing,
    ...(waitingForAnswer ? { question: row.question } : {}),
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
