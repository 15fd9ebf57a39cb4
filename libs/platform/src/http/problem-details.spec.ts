import { ConcurrencyConflict, IdempotencyKeyReused, SubjectKeyUnwrapFailed } from '#event-store';
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

  it('says what conflicted in the user’s words, never naming internal streams or boards (issue 17)', () => {
    const body = toProblem(new ConcurrencyConflict('board-3f1c2a9e-0000-4000-8000-00000000b0a2', 5));
    expect(body).toMatchObject({ status: 409, type: '/problems/conflict' });
    expect(JSON.stringify(body)).not.toMatch(/board-|3f1c2a9e|stream/);
    expect(body.detail).toMatch(/changed this record at the same moment/);
  });

  it('answers 422 when an Idempotency-Key comes back with another request', () => {
    expect(toProblem(new IdempotencyKeyReused())).toMatchObject({
      status: 422,
      type: '/problems/idempotency-key-reused',
    });
  });

  it('answers 409, not 500, for a view whose key another master key wrapped', () => {
    const body = toProblem(new SubjectKeyUnwrapFailed('subject-1'));
    expect(body).toMatchObject({ status: 409, type: '/problems/personal-data-unreadable' });
    expect(JSON.stringify(body)).not.toContain('subject-1');
  });

  it('never answers 500 for a domain rule', () => {
    expect(toProblem(new RuleBroken('late-agenda', 'Too late.', { latestOn: '2026-03-01' })).status).toBe(422);
  });

  it("answers the router's refusals of an address in its own words, never quoting the address", () => {
    const badUrl = { statusCode: 400, code: 'FST_ERR_BAD_URL', message: "'/api/x/%zz' is not a valid url component" };
    const tooLong = { statusCode: 414, code: 'FST_ERR_MAX_PARAM_LENGTH', message: "'/api/x/aaaa' is too long" };
    expect(toProblem(badUrl)).toEqual({
      type: '/problems/validation',
      title: 'Bad request',
      status: 400,
      detail: 'The address is not valid: part of it is wrongly percent-encoded.',
    });
    expect(toProblem(tooLong)).toMatchObject({ type: '/problems/uri-too-long', status: 414 });
    expect(JSON.stringify(toProblem(tooLong))).not.toContain('aaaa');
  });
});
