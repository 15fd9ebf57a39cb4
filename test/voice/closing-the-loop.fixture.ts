import { ProjectionRunner } from '#event-store';
import { Callers, citing, decisionBody } from '../board/decisions-support.js';
import type { HttpResponse, TestApp } from '../support/test-app.js';

// Issue 18's loop, run through HTTP only, for the API test (closing-the-loop.e2e-spec.ts) and the
// browser's (test/browser/closing-the-loop.e2e-spec.ts): a young person gives a view on a phone (another
// gives one shared anonymised); a moderator accepts both; the clerk tables them at a meeting; the board
// considers them and the chair records a decision citing them (shaped, with the chair's why; informed);
// the chair sets an action; the clerk answers; the clerk reports progress and completes the action; the
// clerk answers again. The board's council number is set. The clock ends on 1 June 2026.

export const WORDS = 'I had four social workers last year. Let me meet a new one before they take over. Kestrel-4418.';
export const NAMED = 'Me and Kayleigh from Hilltop Academy want to meet new workers first.';
export const RESOLUTION = 'Every child meets their new social worker before the hand-over.';
export const WHY = 'You told us that meeting first matters most. So we made it the rule for every move.';
export const FIRST_ANSWER =
  'You told us to meet new workers first. Now every child will. We will tell you how it goes.';
export const SECOND_ANSWER = 'It is done. The guide for social workers now says you meet your new worker first.';
export const PROGRESS = 'A first draft of the guide went to team managers.';
export const EVIDENCE = 'The practice guide now has the rule, from 20 May.';

export interface Loop {
  readonly callers: Callers;
  readonly code: Readonly<Record<'loop' | 'named', string>>;
  readonly id: Readonly<Record<'loop' | 'named', string>>;
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

export async function runTheLoop(t: TestApp): Promise<Loop> {
  const callers = new Callers(t);
  const code: Record<string, string> = {};
  const id: Record<string, string> = {};
  const at = (iso: string) => t.clock.set(new Date(iso));
  const caughtUp = () => t.app.get(ProjectionRunner).waitForCatchUp({ timeoutMs: 20_000 });
  async function give(key: string, text: string, sharing: string): Promise<void> {
    const given = await ok(
      t.request('POST', '/api/public/boards/northshire/views', {
        body: { text, sharing, themes: ['changes-of-social-worker'] },
      }),
      201,
    );
    code[key] = given.json<{ receiptCode: string }>().receiptCode;
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

  // Two young people give their views, word for word and anonymised; a moderator accepts both.
  at('2026-03-03T18:20:00Z');
  await give('loop', WORDS, 'verbatim');
  await give('named', NAMED, 'anonymised');
  at('2026-03-04T10:00:00Z');
  for (const key of ['loop', 'named']) {
    await ok(callers.post('moderator', `/api/moderation/views/${id[key]}/accept`, {}));
  }

  // The clerk tables them at the item; the board meets, considers them and decides.
  at('2026-04-01T11:00:00Z');
  await caughtUp();
  await ok(
    callers.post('clerk', `/api/meetings/${meetingId}/agenda-items/${itemId}/views`, {
      contributionIds: [id.loop, id.named],
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
      contributionIds: [id.loop, id.named],
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
          voiceEvidence: citing([id.loop!, 'shaped', WHY], [id.named!, 'informed']),
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
      contributionIds: [id.loop, id.named],
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
