import { RuleBroken } from '../domain/domain-errors.js';
import { toProblem } from './problem-details.filter.js';

describe('problem details', () => {
  it("keeps the standard members even when a rule's details use their names", () => {
    const body = toProblem(
      new RuleBroken('action-closed', 'The action is closed.', { status: 'completed', type: 'x', title: 'y' }),
    );
    expect(body).toMatchObject({
      status: 422,
      type: '/problems/action-closed',
      title: 'Unprocessable entity',
      detail: 'The action is closed.',
    });
  });

  it('never answers 500 for a domain rule', () => {
    expect(toProblem(new RuleBroken('late-agenda', 'Too late.', { latestOn: '2026-03-01' })).status).toBe(422);
  });
});
