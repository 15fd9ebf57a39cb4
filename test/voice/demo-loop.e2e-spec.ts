import { IdentityService } from '#identity';
import { seedDemoYear } from '../../apps/api/src/demo/seed-demo-year.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// Issue 18, done when: a newcomer running the demo sees the loop closed for at least one view of each
// sharing choice. The demo's year is seeded as `npm start` seeds it; the receipt codes it prints are
// read back on "Check my view" through HTTP, and each shows the whole loop: read, on a meeting's agenda,
// a decision citing it with how much it weighed and the chair's why, what the board set in motion, and
// the board's answer; the board read a summary, anonymised words or the words as written.

interface Checked {
  sharing: string;
  journey: Array<{ step: string }>;
  boardSees: { kind: string; words?: string };
  decisions: Array<{ citedYourView: boolean; influenceWords?: string; why?: string; actions: unknown[] }>;
  answers: Array<{ text: string }>;
}

describe('the demo closes the loop for a view of each sharing choice', () => {
  let t: TestApp;
  let codes: readonly string[];

  beforeAll(async () => {
    t = await startTestApp();
    t.clock.set(new Date());
    const tenantId = (await t.app.get(IdentityService).tenantBySlug('northshire'))!.id;
    codes = (await seedDemoYear(t.app, tenantId))!.receiptCodes;
  }, 240_000);
  afterAll(async () => t?.close());

  it('prints one receipt code for each sharing choice, and each reads the whole loop back', async () => {
    const seen: Record<string, Checked> = {};
    for (const receiptCode of codes) {
      const answer = await t.request('POST', '/api/public/views/check', { body: { receiptCode } });
      expect(answer.status).toBe(200);
      const view = answer.json<Checked>();
      seen[view.sharing] = view;
    }
    expect(Object.keys(seen).sort()).toEqual(['anonymised', 'summary-only', 'verbatim']);
    const kinds = { 'summary-only': 'summary', anonymised: 'anonymised', verbatim: 'as-written' };
    for (const [sharing, view] of Object.entries(seen)) {
      expect({ sharing, kind: view.boardSees.kind }).toEqual({ sharing, kind: kinds[sharing as keyof typeof kinds] });
      expect(view.boardSees.words).toEqual(expect.any(String));
      const steps = view.journey.map((s) => s.step);
      for (const step of ['accepted', 'tabled', 'decided', 'feedback'])
        expect({ sharing, steps }).toEqual({
          sharing,
          steps: expect.arrayContaining([step]),
        });
      const cited = view.decisions.filter((d) => d.citedYourView);
      expect(cited.length).toBeGreaterThan(0);
      expect(cited.some((d) => d.influenceWords && d.why && d.actions.length > 0)).toBe(true);
      expect(view.answers.length).toBeGreaterThan(0);
    }
  }, 60_000);
});
