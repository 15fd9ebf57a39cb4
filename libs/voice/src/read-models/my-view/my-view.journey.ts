import type { Sharing } from '../../domain/index.js';
import type { ReceiptRow } from '../view-receipts/receipt-lookup.js';
import { whatHappensNextAfterReview } from '../../domain/contribution/help-words.js';
import type { JourneyStepDto, MyViewResponse } from './my-view.dto.js';
import type { MyViewLoopDto } from './my-view-loop.dto.js';

/** The steps part of the answer; closeTheLoop adds the rest. */
export type MyViewStepsResponse = Omit<MyViewResponse, keyof MyViewLoopDto>;

// The young person's own words for each step. A safeguarding escalation is never named, and an
// anonymous author is promised no contact nobody can make: once a person has read the view they are told
// so, and what they can do now (see domain/contribution/help-words.ts). A view the screen withheld reads like any other until
// then (the receipts read model adds no step for the screen).
const WORDS = {
  submitted: 'We have your view.',
  accepted: 'Your view has been read and will go to the board.',
  'under-review': 'A worker has read your view.',
  'question-asked': 'Someone has a question about your view.',
  answered: 'Thank you for answering the question.',
  tabled: 'Your view is on the agenda of a board meeting.',
  considered: 'The board talked about your view at its meeting.',
  feedback: 'The board has answered your view.',
  closed: 'This view is finished. Thank you for taking part.',
  withdrawn: 'You took your view back. The board will not use it.',
  declined: 'A worker read your view and decided it will not go to the board. You can see why below.',
} as const;

type Step = keyof typeof WORDS;

/** What the honest next words depend on: how the view was given, and the council's number (if any). */
export interface JourneyContext {
  readonly channel?: string;
  readonly councilPhone?: string;
}

/**
 * The view's journey, oldest step first, with a question waiting for an answer and the board's answer.
 * The loop's own fields (words, decisions, answers, help) are added by closeTheLoop (my-view.loop.ts).
 */
export function journeyOf(row: ReceiptRow, context: JourneyContext = {}): MyViewStepsResponse {
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
    whatHappensNext: nextFor(status as Step, context),
  };
}

function nextFor(status: Step, context: JourneyContext): string {
  switch (status) {
    case 'question-asked':
      return 'Please answer the question with your receipt code so we can take your view forward.';
    case 'feedback':
    case 'closed':
      return 'Thank you. You can still change how your view is shared.';
    case 'withdrawn':
      return 'Nothing more will happen with this view.';
    case 'declined':
      return 'This view will not go to the board. You can send a new view at any time.';
    case 'under-review':
      return whatHappensNextAfterReview(context.councilPhone, context.channel);
    case 'submitted':
      return 'A worker reads every view. Come back with your code to see what happens next.';
    default:
      return 'Come back with your code to see what happens next.';
  }
}
