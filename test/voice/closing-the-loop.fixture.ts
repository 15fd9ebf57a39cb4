import { ProjectionRunner } from '#event-store';
import { Callers, citing, decisionBody } from '../board/decisions-support.js';
import type { HttpResponse, TestApp } from '../support/test-app.js';

// Issue 18's loop, for the API test (closing-the-loop.e2e-spec.ts) and the browser's
// (test/browser/closing-the-loop.e2e-spec.ts), once for each sharing choice: three young people give
// views, word for word ("loop"), anonymised ("named") and summary only ("summary"); a moderator accepts
// all three, writing the summary the board will read of the third, and its author agrees to it by code;
// the clerk tables them at a meeting; the board considers them and the chair records a decision citing
// each with its influence and the chair's why (shaped; informed; considered, not adopted); the chair sets
// an action; the clerk answers all three; the clerk reports progress and completes the action; the clerk
// answers the first again. The board's council number is set. The clock ends on 1 June 2026.
//
// The young person's and the moderator's steps go through HTTP unless the caller passes its own (the
// browser test does them in Chromium, on the pages those people use).

export const WORDS = 'I had four social workers last year. Let me meet a new one before they take over. Kestrel-4418.';
export const NAMED = 'Me and Kayleigh from Hilltop Academy want to meet new workers first.';
export const RESOLUTION = 'Every child meets their new social worker before the hand-over.';
export const WHY = 'You told us that meeting first matters most. So we made it the rule for every move.';
export const FIRST_ANSWER =
  'You told us to meet new workers first. Now every child will. We will tell you how it goes.';
export const SECOND_ANSWER = 'It is done. The guide for social workers now says you meet your new worker first.';
export const PROGRESS = 'A first draft of the guide went to team managers.';
export const EVIDENCE = 'The practice guide now has the rule, from 20 May.';
export const SUMMARY_WORDS = 'My worker left without saying bye and the new one knew nothing about me. Wren-2290.';
export const SUMMARY = 'A new social worker should know the young person before the old one leaves.';
export const NAMED_WHY = 'You showed us it matters to everyone, so the rule is for every child.';
export const SUMMARY_WHY = 'We wanted this too, but a hand-over meeting for every move needs staff we do not have yet.';

/** The three sharing choices, by the view given with each. */
export const SHARED = { loop: 'verbatim', named: 'anonymised', summary: 'summary-only' } as const;
export type LoopView = keyof typeof SHARED;

/** Steps a caller may take on its own pages instead of through HTTP. */
export interface LoopSteps {
  /** A young person gives a view; answers its receipt code. */
  give?(text: string, sharing: string): Promise<string>;
  /** A moderator accepts a view, with the summary the board reads when it is shared "summary only". */
  accept?(text: string, summary?: string): Promise<void>;
  /** The author of a "summary only" view agrees to its summary, by code. */
  agree?(receiptCode: string): Promise<void>;
}

export interface Loop {
  readonly callers: Callers;
  readonly code: Readonly<Record<LoopView, string>>;
  readonly id: Readonly<Record<LoopView, string>>;
  readonly meetingId: string;
  readonly itemId: string;
  readonly decisionId: string;
  readonly actionId: string;
}

export async function ok(response: Promise<HttpResponse>, status = 200): Promise<HttpResponse> {
  const answered = await response;
  if (answered.status !== status) throw new Error(`expected ${status}, got ${answered.status}: ${answered.text}`);
  return answered;
}

export async function runTheLoop(t: TestApp, steps: LoopSteps = {}): Promise<Loop> {
  const callers = new Callers(t);
  const code: Record<string, string> = {};
  const id: Record<string, string> = {};
  const at = (iso: string) => t.clock.set(new Date(iso));
  const caughtUp = () => t.app.get(ProjectionRunner).waitForCatchUp({ timeoutMs: 20_000 });
  const words: Record<LoopView, string> = { loop: WORDS, named: NAMED, summary: SUMMARY_WORDS };
  async function give(key: LoopView): Promise<void> {
    const text = words[key];
    if (steps.give) code[key] = await steps.give(text, SHARED[key]);
    else {
      const given = await ok(
        t.request('POST', '/api/public/boards/northshire/views', {
          body: { text, sharing: SHARED[key], themes: ['changes-of-social-worker'] },
        }),
        201,
      );
      code[key] = given.json<{ receiptCode: string }>().receiptCode;
    }
    await caughtUp();
    const queue = (await ok(callers.get('moderator', '/api/moderation/queue'))).json<
      Array<{ contributionId: string; text: string | null }>
    >();
    id[key] = queue.find((view) => view.text === text)!.contributionId;
  }

  // The council's number, shown to young people beside Childline and 999.
  await ok(
    t.request('PUT', '/api/staff/voice-settings/council-phone', {
      token: await callers.token('clerk'),
      body: { phone: '0191 433 3000' },
    }),
  );

  // The board, its members; the clerk schedules a meeting with an item on changes of social worker, and
  // the chair publishes it.
  at('2026-03-02T09:00:00Z');
  await ok(
    t.request('PUT', '/api/board', {
      token: await callers.token('clerk'),
      body: {
        name: 'Northshire Corporate Parenting Board',
        council: 'Northshire County Council',
        jurisdiction: 'england',
        quorum: 3,
        termsOfReference: 'To hold the council to account as corporate parent.',
      },
    }),
  );
  for (const [name, role] of [
    ['Cllr Priya Shah', 'chair'],
    ['Cllr Tom Evans', 'councillor'],
    ['Cllr Jo Reid', 'councillor'],
  ] as const) {
    await ok(callers.post('clerk', '/api/board/members', { name, role, appointedOn: '2026-01-01' }), 201);
  }
  const meetingId = (
    await ok(
      callers.post('clerk', '/api/meetings', {
        title: 'Corporate Parenting Board, April',
        startsAt: '2026-04-14T16:30:00Z',
        place: 'County Hall',
      }),
      201,
    )
  ).json<{ meetingId: string }>().meetingId;
  const itemId = (
    await ok(
      callers.post('clerk', `/api/meetings/${meetingId}/agenda-items`, {
        title: 'Changes of social worker',
        purpose: 'decision',
        lead: 'Director of Children’s Services',
        themes: ['changes-of-social-worker'],
        principles: ['safe-and-stable'],
        papers: [],
        restricted: false,
      }),
      201,
    )
  ).json<{ itemId: string }>().itemId;
  await ok(callers.post('chair', `/api/meetings/${meetingId}/publish-agenda`, {}));

  // Three young people give their views, one with each sharing choice; a moderator accepts all three,
  // with the summary the board reads of the third; its author reads the summary by code and agrees.
  at('2026-03-03T18:20:00Z');
  const views = Object.keys(SHARED) as LoopView[];
  for (const key of views) await give(key);
  at('2026-03-04T10:00:00Z');
  for (const key of views) {
    const summary = key === 'summary' ? SUMMARY : undefined;
    if (steps.accept) await steps.accept(words[key], summary);
    else {
      await ok(
        callers.post('moderator', `/api/moderation/views/${id[key]}/accept`, summary === undefined ? {} : { summary }),
      );
    }
  }
  at('2026-03-04T19:00:00Z');
  await caughtUp();
  if (steps.agree) await steps.agree(code.summary!);
  else {
    await ok(
      t.request('POST', '/api/public/views/summary', {
        body: { receiptCode: code.summary, response: 'agree', version: 1 },
      }),
    );
  }

  // The clerk tables them at the item; the board meets, considers them and decides.
  at('2026-04-01T11:00:00Z');
  await caughtUp();
  await ok(
    callers.post('clerk', `/api/meetings/${meetingId}/agenda-items/${itemId}/views`, {
      contributionIds: [id.loop, id.named, id.summary],
    }),
    201,
  );
  at('2026-04-14T16:35:00Z');
  const board = (await ok(callers.get('chair', '/api/board'))).json<{
    members: Array<{ memberId: string; currentRole?: string }>;
  }>();
  await ok(
    callers.post('chair', `/api/meetings/${meetingId}/open`, {
      attendance: board.members
        .filter((m) => m.currentRole !== undefined)
        .map((m) => ({ memberId: m.memberId, status: 'present' })),
    }),
  );
  at('2026-04-14T17:00:00Z');
  await ok(
    callers.post('clerk', `/api/meetings/${meetingId}/agenda-items/${itemId}/views/considered`, {
      contributionIds: [id.loop, id.named, id.summary],
    }),
    201,
  );
  at('2026-04-14T17:10:00Z');
  await caughtUp();
  const decisionId = (
    await ok(
      callers.post(
        'chair',
        `/api/meetings/${meetingId}/agenda-items/${itemId}/decisions`,
        decisionBody({
          resolution: RESOLUTION,
          themes: ['changes-of-social-worker'],
          voiceEvidence: citing(
            [id.loop!, 'shaped', WHY],
            [id.named!, 'informed', NAMED_WHY],
            [id.summary!, 'considered-not-adopted', SUMMARY_WHY],
          ),
        }),
      ),
      201,
    )
  ).json<{ decisionId: string }>().decisionId;
  at('2026-04-14T17:20:00Z');
  const actionId = (
    await ok(
      callers.post('chair', `/api/decisions/${decisionId}/actions`, {
        description: 'Write the rule into the practice guide for social workers.',
        owner: { officer: { name: 'Head of Service' } },
        dueOn: '2026-05-29',
      }),
      201,
    )
  ).json<{ actionId: string }>().actionId;
  await ok(callers.post('chair', `/api/meetings/${meetingId}/close`, {}));

  // The clerk answers; the action moves on and is done; the clerk answers again.
  at('2026-04-20T12:00:00Z');
  await caughtUp();
  await ok(
    callers.post('clerk', '/api/views/feedback', {
      contributionIds: [id.loop, id.named, id.summary],
      text: FIRST_ANSWER,
      decisionIds: [decisionId],
      actionIds: [actionId],
    }),
    201,
  );
  at('2026-05-01T09:00:00Z');
  await ok(callers.post('clerk', `/api/actions/${actionId}/progress`, { note: PROGRESS }));
  at('2026-05-20T10:00:00Z');
  await ok(callers.post('clerk', `/api/actions/${actionId}/complete`, { evidence: EVIDENCE }));
  at('2026-05-21T12:00:00Z');
  await caughtUp();
  await ok(
    callers.post('clerk', '/api/views/feedback', {
      contributionIds: [id.loop],
      text: SECOND_ANSWER,
      decisionIds: [decisionId],
      actionIds: [actionId],
    }),
    201,
  );
  at('2026-06-01T09:00:00Z');
  return {
    callers,
    code: code as Loop['code'],
    id: id as Loop['id'],
    meetingId,
    itemId,
    decisionId,
    actionId,
  };
}
