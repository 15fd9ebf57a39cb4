import { replayAsAt, SqliteEventStore, type ProjectionTable, type RowOf } from '#event-store';
import { contributionStream, type ContributionEvent } from '../../domain/index.js';
import {
  ACCEPTED,
  AT,
  event,
  REDACTED,
  submitted,
  TEXT,
} from '../../domain/contribution/contribution.test-fixtures.js';
import { projectedRows } from '../../staff/contribution-status/contribution-status.rows.js';
import { YSWD_ANSWERS, YSWD_FEEDBACK, YSWD_VIEWS, youSaidWeDidProjection } from './you-said-we-did.projection.js';

// The "You said, we did" read model in the style of the deciders' specs: given a view's events so far,
// when these happen, then the table holds exactly these rows. The events are applied as the runner
// applies them (replayed from a real log into SQLite), and read back typed, as the queries read them.

const TENANT = 'tenant-north';

function projecting(...history: ContributionEvent[]) {
  return {
    when: (...events: ContributionEvent[]) => ({
      /** The table's rows for the board, in the order they were first written. */
      async then<T extends ProjectionTable>(table: T, expected: readonly RowOf<T>[]): Promise<void> {
        expect(await rowsAfter([...history, ...events], table)).toEqual(expected);
      },
    }),
  };
}

async function rowsAfter<T extends ProjectionTable>(
  events: readonly ContributionEvent[],
  table: T,
): Promise<RowOf<T>[]> {
  const store = new SqliteEventStore({ filename: ':memory:' });
  try {
    for (const { type, data } of events) {
      const metadata = {
        tenantId: TENANT,
        actor: { id: 'staff-1', role: 'moderator' },
        onBehalfOf: null,
        correlationId: 'c-1',
        causationId: 'c-1',
        commandId: `${data.contributionId}-${type}`,
        recordedAt: data.at,
      };
      await store.append(contributionStream(data.contributionId), [{ type, data, metadata }], { expected: 'any' });
    }
    const head = await store.headPosition();
    const models = await replayAsAt(store, [youSaidWeDidProjection], { position: head! });
    try {
      return await projectedRows(models.db, youSaidWeDidProjection, table, TENANT, undefined, []);
    } finally {
      await models.close();
    }
  } finally {
    await store.close();
  }
}

const VIEW = {
  tenant_id: TENANT,
  contribution_id: 'view-1',
  sharing: 'summary-only',
  themes: ['changes-of-social-worker'],
  submitted_at: AT,
};

const escalated = event('ContributionEscalatedForSafeguarding', {
  authorPseudonym: 'yp-1',
  reason: 'moderator',
  categories: ['harm'],
  previousStatus: 'accepted',
});
const withdrawn = event('ContributionWithdrawn', {
  authorPseudonym: 'yp-1',
  previousStatus: 'accepted',
  escalated: false,
});
const erased = event('ContributionErased', {
  subject: 'yp:yp-1',
  erasedBy: 'dpo-1',
  ground: 'consent-withdrawn',
  reason: 'asked',
  previousStatus: 'accepted',
});
const answered = (contributionId: string, text: string) =>
  event('ContributionFeedbackRecorded', {
    contributionId,
    feedbackId: 'feedback-1',
    text,
    decisionIds: ['d-1'],
    actionIds: ['a-1'],
    at: '2026-04-20T12:00:00Z',
  });

describe('you said, we did projection', () => {
  it('keeps a view as given, not yet accepted, with its words', async () => {
    await projecting()
      .when(submitted())
      .then(YSWD_VIEWS, [{ ...VIEW, state: 'current', accepted: false, words: TEXT }]);
  });

  it('keeps the words as accepted: the redacted text once redacted, never the original again', async () => {
    await projecting(submitted())
      .when(REDACTED)
      .then(YSWD_VIEWS, [{ ...VIEW, state: 'current', accepted: true, words: REDACTED.data.text }]);
  });

  it('drops the words for good when the view is withheld', async () => {
    await projecting(submitted(), ACCEPTED)
      .when(escalated)
      .then(YSWD_VIEWS, [{ ...VIEW, state: 'withheld', accepted: true, words: null }]);
  });

  it('ranks withdrawal over withholding, and erasure over both', async () => {
    await projecting(submitted(), ACCEPTED, escalated)
      .when(withdrawn)
      .then(YSWD_VIEWS, [{ ...VIEW, state: 'withdrawn', accepted: true, words: null }]);
    await projecting(submitted(), ACCEPTED, escalated)
      .when(erased, withdrawn)
      .then(YSWD_VIEWS, [{ ...VIEW, state: 'erased', accepted: true, words: null }]);
  });

  it("keeps a group's response once (the first recording stands) and every view it answers", async () => {
    const history = [submitted(), submitted({ contributionId: 'view-2' })];
    const group = [answered('view-1', 'We changed the rule.'), answered('view-2', 'Another wording.')];
    await projecting(...history)
      .when(...group)
      .then(YSWD_FEEDBACK, [
        {
          tenant_id: TENANT,
          feedback_id: 'feedback-1',
          text: 'We changed the rule.',
          decision_ids: ['d-1'],
          action_ids: ['a-1'],
          given_at: '2026-04-20T12:00:00Z',
          position: expect.any(String),
        },
      ]);
    await projecting(...history)
      .when(...group)
      .then(YSWD_ANSWERS, [
        { tenant_id: TENANT, feedback_id: 'feedback-1', contribution_id: 'view-1' },
        { tenant_id: TENANT, feedback_id: 'feedback-1', contribution_id: 'view-2' },
      ]);
  });
});
