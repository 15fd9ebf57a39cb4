import { anonymise } from '../../contracts/anonymisation.js';
import type { Sharing } from '../../domain/index.js';
import type {
  OutcomeActionRow,
  OutcomeCitationRow,
  OutcomeDecisionRow,
  OutcomeMeetingRow,
} from '../board-outcomes/board-outcomes.projection.js';
import {
  decisionOutcome,
  influenceWords,
  meetingPlace,
  plainDate,
  type MeetingPlace,
} from '../board-outcomes/outcome-words.js';
import type { MyViewJourneyRow, StoredAnswer } from './my-view-journey.projection.js';
import type { ReceiptStep } from '../view-receipts/contribution-receipts.projection.js';
import { helpNow } from '../../domain/contribution/help-words.js';
import type { JourneyStepDto } from './my-view.dto.js';
import type { MyViewStepsResponse } from './my-view.journey.js';
import type { BoardAnswerDto, BoardSeesDto, MyViewLoopDto, ViewDecisionDto } from './my-view-loop.dto.js';

// The child's side of the loop, folded from three read models: the receipts (the steps, in order), the
// view's own row (their words, the board's words, the summary, the answers) and the board's outcomes
// (meetings, the decisions that cited the view, the actions they set and every update). Pure: the query
// handler reads the rows; this says what they mean, in plain words, with when each happened.

export interface LoopInput {
  /** The receipts row's steps, oldest first (already turned into the journey by journeyOf). */
  readonly steps: readonly ReceiptStep[];
  /** The view's row of the my-view journey read model (absent while it catches up). */
  readonly view: MyViewJourneyRow | undefined;
  /** This view's citations: decision id, influence, rationale (why), recorded at. */
  readonly citations: readonly OutcomeCitationRow[];
  /** Decisions by id: those citing the view and those an answer points to. */
  readonly decisions: ReadonlyMap<string, OutcomeDecisionRow>;
  /** Meetings by id: where the view was tabled or considered, and where each decision was taken. */
  readonly meetings: ReadonlyMap<string, OutcomeMeetingRow>;
  /** Every action those decisions set. */
  readonly actions: readonly OutcomeActionRow[];
  /** Today, the London date (YYYY-MM-DD): an open action past its due date is late. */
  readonly today: string;
  readonly councilPhone?: string;
}

/** The ids of what the query must read, from the steps, the citations and the answers. */
export function loopReferences(
  steps: readonly ReceiptStep[],
  view: MyViewJourneyRow | undefined,
  citations: readonly OutcomeCitationRow[],
): { readonly decisionIds: string[]; readonly meetingIds: string[] } {
  const answered = answersOf(view).flatMap((answer) => answer.decisionIds);
  const decisionIds = [...new Set([...citations.map((c) => c.decision_id), ...answered])];
  const meetingIds = [...new Set(steps.flatMap((s) => (s.meetingId ? [s.meetingId] : [])))];
  return { decisionIds, meetingIds };
}

/** The steps with their meetings named and the decisions that cited the view; then the loop's fields. */
export function closeTheLoop(base: MyViewStepsResponse, input: LoopInput): MyViewStepsResponse & MyViewLoopDto {
  const { view, steps } = input;
  const answers = answersOf(view);
  const replies = (view?.replies ?? []).map(({ text, at }) => ({ text, at }));
  const givenAt = steps[0]?.at ?? '';
  return {
    ...base,
    journey: journeyWithPlaces(base.journey, input),
    givenAt,
    ...(typeof view?.own_words === 'string' ? { yourWords: view.own_words } : {}),
    yourReplies: replies,
    boardSees: boardSees(base.sharing, steps, view),
    decisions: decisionsOf(input, answers),
    answers: [...answers].reverse().map((answer, index): BoardAnswerDto => ({
      text: answer.text,
      at: answer.at,
      latest: index === 0,
      decisionIds: [...answer.decisionIds],
      actionIds: [...answer.actionIds],
    })),
    help: helpNow(input.councilPhone),
  };
}

function answersOf(view: MyViewJourneyRow | undefined): readonly StoredAnswer[] {
  return view?.answers ?? [];
}

const reached = (steps: readonly ReceiptStep[], step: string) => steps.some((s) => s.step === step);

/**
 * What the board reads of the view. Nothing said here may tell that the screen withheld a view: until a
 * person has read it (an 'under-review' step), a withheld view reads "not yet", like every view waiting.
 */
export function boardSees(
  sharing: Sharing,
  steps: readonly ReceiptStep[],
  view: MyViewJourneyRow | undefined,
): BoardSeesDto {
  const nothing = (explanation: string): BoardSeesDto => ({ kind: 'nothing', sharing, explanation });
  if (reached(steps, 'withdrawn')) return nothing('You took your view back. The board will not read it any more.');
  if (reached(steps, 'under-review') || reached(steps, 'declined')) {
    return nothing('The board will not read this view.');
  }
  if (!reached(steps, 'accepted')) {
    return {
      kind: 'not-yet',
      sharing,
      explanation: 'The board has not read your view yet. A worker reads every view first.',
    };
  }
  if (sharing === 'summary-only') {
    const summary = view?.summary ?? undefined;
    if (summary === undefined) {
      return {
        kind: 'summary-to-come',
        sharing,
        explanation:
          'You chose "summary only". The board reads a short summary of your view that a worker writes, ' +
          'not your own words. The summary is not written yet.',
      };
    }
    return {
      kind: 'summary',
      sharing,
      words: summary,
      explanation: 'You chose "summary only". The board reads this summary a worker wrote, not your own words.',
    };
  }
  const words = view?.board_words ?? undefined;
  if (words === undefined) {
    return { kind: 'not-yet', sharing, explanation: 'The board has not read your view yet.' };
  }
  if (sharing === 'anonymised') {
    return {
      kind: 'anonymised',
      sharing,
      words: anonymise(words).text,
      explanation:
        'The board reads your words with anything that could show who you are, or who you wrote about, taken out.',
    };
  }
  return view?.redacted === true
    ? {
        kind: 'with-changes',
        sharing,
        words,
        explanation: 'A worker took out some details before the board read your view. This is what the board reads.',
      }
    : { kind: 'as-written', sharing, words, explanation: 'The board reads your words as you wrote them.' };
}

/** Tabled and considered steps name their meeting; a 'decided' step is added for each decision citing the view. */
function journeyWithPlaces(journey: readonly JourneyStepDto[], input: LoopInput): JourneyStepDto[] {
  // journeyOf kept the receipts' order and dropped nothing it knows: match the steps by position.
  const known = input.steps.filter((s) => journey.some((j) => j.step === s.step));
  let feedbackSeen = 0;
  const placed = journey.map((step, index): JourneyStepDto => {
    if (step.step === 'feedback') {
      feedbackSeen += 1;
      return feedbackSeen > 1 ? { ...step, words: 'The board sent you a new answer.' } : step;
    }
    const source = known[index];
    if (!source?.meetingId || (step.step !== 'tabled' && step.step !== 'considered')) return step;
    const place = meetingPlace(input.meetings.get(source.meetingId), source.itemId);
    if (!place) return step;
    return { ...step, words: placeWords(step.step, place), meeting: place };
  });
  const decided = input.citations
    .map((citation) => {
      const decision = input.decisions.get(citation.decision_id);
      if (!decision) return undefined;
      const place = meetingPlace(input.meetings.get(decision.meeting_id), decision.item_id);
      const step: JourneyStepDto = {
        step: 'decided',
        at: decision.recorded_at,
        words: `The board made a decision that used your view. ${influenceWords(citation.influence) ?? ''}`.trim(),
        decisionId: decision.decision_id,
        ...(place ? { meeting: place } : {}),
      };
      return step;
    })
    .filter((step): step is JourneyStepDto => step !== undefined);
  // Each decision goes after the last step that happened no later than it (the steps keep their order).
  const merged = [...placed];
  for (const step of decided) {
    let at = merged.length;
    while (at > 0 && merged[at - 1]!.at > step.at) at -= 1;
    merged.splice(at, 0, step);
  }
  return merged;
}

function placeWords(step: string, place: MeetingPlace): string {
  const when = plainDate(place.startsAt);
  const about = place.item ? `, in the part about “${place.item}”` : '';
  if (place.cancelled)
    return `Your view was put on the agenda of a board meeting on ${when}, but that meeting was called off.`;
  return step === 'tabled'
    ? `Your view is on the agenda of the board meeting on ${when}${about}.`
    : `The board talked about your view at its meeting on ${when}${about}.`;
}

/** Each decision citing the view (oldest first), then any other decision an answer points to. */
function decisionsOf(input: LoopInput, answers: readonly StoredAnswer[]): ViewDecisionDto[] {
  const byDecision = new Map<string, OutcomeActionRow[]>();
  for (const action of input.actions) {
    const list = byDecision.get(action.decision_id) ?? [];
    list.push(action);
    byDecision.set(action.decision_id, list);
  }
  const describe = (decisionId: string): ReturnType<typeof decisionOutcome> | undefined => {
    const decision = input.decisions.get(decisionId);
    if (!decision) return undefined;
    return decisionOutcome(
      decision,
      input.meetings.get(decision.meeting_id),
      byDecision.get(decisionId) ?? [],
      input.today,
    );
  };
  const found: ViewDecisionDto[] = [];
  const seen = new Set<string>();
  for (const citation of input.citations) {
    const decisionId = citation.decision_id;
    const outcome = describe(decisionId);
    if (!outcome || seen.has(decisionId)) continue;
    seen.add(decisionId);
    found.push({
      ...outcome,
      actions: [...outcome.actions],
      citedYourView: true,
      influence: citation.influence,
      influenceWords: influenceWords(citation.influence),
      why: citation.rationale,
    });
  }
  for (const decisionId of answers.flatMap((answer) => answer.decisionIds)) {
    const outcome = seen.has(decisionId) ? undefined : describe(decisionId);
    if (!outcome) continue;
    seen.add(decisionId);
    found.push({ ...outcome, actions: [...outcome.actions], citedYourView: false });
  }
  return found;
}
