import { projectionSpec, type GivenEvent } from '#testing';
import { contributionStream, type ContributionEvent } from '../../domain/index.js';
import {
  ACCEPTED,
  AT,
  event,
  REDACTED,
  submitted,
  TEXT,
} from '../../domain/contribution/contribution.test-fixtures.js';
import { YSWD_ANSWERS, YSWD_FEEDBACK, YSWD_VIEWS, youSaidWeDidProjection } from './you-said-we-did.projection.js';

// The "You said, we did" read model in the style of the deciders' specs: given a view's events so far,
// when these happen, then the table holds exactly these rows. The events are applied as the runner
// applies them (replayed from a real log into SQLite), and read back typed, as the queries read them.

const TENANT = 'tenant-north';

// Each event goes to its view's own stream.
const onItsStream = (event: ContributionEvent): GivenEvent => [contributionStream(event.data.contributionId), event];

function projecting(...history: ContributionEvent[]) {
  const given = projectionSpec(youSaidWeDidProjection, { tenantId: TENANT }).given(...history.map(onItsStream));
  return { ...given, when: (...events: ContributionEvent[]) => given.when(...events.map(onItsStream)) };
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
    // The position is the log's (where the first answer of the group sits): any, but there.
    const responded = projecting(...history).when(...group);
    expect(await responded.rows(YSWD_FEEDBACK)).toEqual([
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
    await responded.then(YSWD_ANSWERS, [
      { tenant_id: TENANT, feedback_id: 'feedback-1', contribution_id: 'view-1' },
      { tenant_id: TENANT, feedback_id: 'feedback-1', contribution_id: 'view-2' },
    ]);
  });
});
