import { voiceSettingsStream } from '../../libs/voice/src/domain/index.js';
import { Callers, eventTypes, fieldsOf, head, type Who } from '../board/decisions-support.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// Issue 22 (councils are not GOV.UK): a board's admin sets the council's colour, #RRGGBB, for the header of
// its young people's and public pages, beside the council's number. A colour the header's white text would
// not be readable on (under 4.5:1, WCAG AA) is refused with a 400 naming the field, and nothing is written.

const LONG = 60_000;
const COLOUR = '/api/staff/voice-settings/council-colour';
const html = { headers: { accept: 'text/html' } };

describe("the council's colour through HTTP", () => {
  let t: TestApp;
  let callers: Callers;
  let tenantId: string;

  beforeAll(async () => {
    t = await startTestApp({ RATE_LIMIT_SIGN_INS_PER_MINUTE: '100' });
    callers = new Callers(t);
    tenantId = (await callers.me('admin')).tenantId;
  }, LONG);
  afterAll(async () => t.close(), LONG);

  const put = async (who: Who, body: unknown) => t.request('PUT', COLOUR, { token: await callers.token(who), body });
  const settings = async () =>
    (await t.request('GET', '/api/staff/voice-settings', { token: await callers.token('admin') })).json<{
      councilColour: string | null;
    }>();

  it(
    'is set, read back and shown on every page of the board; null clears it',
    async () => {
      expect((await settings()).councilColour).toBeNull();
      const home = await t.request('GET', '/boards/northshire', html);
      expect(home.text).not.toContain('--govuk-brand-colour:');

      const set = await put('admin', { colour: '#8A1538' });
      expect(set.status).toBe(200);
      expect(set.json()).toMatchObject({ events: ['CouncilColourSet'] });
      expect((await settings()).councilColour).toBe('#8a1538');
      expect(await eventTypes(t, voiceSettingsStream(tenantId))).toContain('CouncilColourSet');
      // The same again changes nothing.
      expect((await put('admin', { colour: '#8a1538' })).json()).toMatchObject({ events: [] });

      for (const path of [
        '/boards/northshire',
        '/boards/northshire/give-a-view',
        '/boards/northshire/you-said-we-did',
      ]) {
        const page = await t.request('GET', path, html);
        expect(page.status).toBe(200);
        expect(page.text).toContain('<style>:root{--govuk-brand-colour:#8a1538}');
        expect(page.text).toContain('<meta name="theme-color" content="#8a1538">');
      }
      // Pages of no board keep govuk-frontend's colours.
      for (const path of ['/', '/no/such/page', '/boards/no-such-board']) {
        expect((await t.request('GET', path, html)).text).not.toContain('#8a1538');
      }

      const cleared = await put('admin', { colour: null });
      expect(cleared.json()).toMatchObject({ events: ['CouncilColourSet'] });
      expect((await settings()).councilColour).toBeNull();
      expect((await t.request('GET', '/boards/northshire', html)).text).not.toContain('--govuk-brand-colour:');
    },
    LONG,
  );

  it(
    "refuses a colour too light for the header's white text, or not a colour, with a 400 naming the field",
    async () => {
      expect((await put('admin', { colour: '#1d70b8' })).status).toBe(200);
      const before = await head(t);
      const light = await put('admin', { colour: '#777777' });
      expect(light.status).toBe(400);
      expect(light.headers.get('content-type')).toContain('application/problem+json');
      expect(light.json()).toMatchObject({
        status: 400,
        errors: [{ field: 'colour', reason: expect.stringContaining('contrast is 4.47:1 and must be at least 4.5:1') }],
      });
      for (const colour of ['#ffdd00', 'red', '#fff', 42]) {
        const refused = await put('admin', { colour });
        expect({ status: refused.status, fields: fieldsOf(refused) }).toEqual({ status: 400, fields: ['colour'] });
      }
      expect(await head(t)).toBe(before);
      expect((await settings()).councilColour).toBe('#1d70b8');
      await put('admin', { colour: null });
    },
    LONG,
  );

  it(
    'is changed only by the roles that change the council’s number, and documented',
    async () => {
      const before = await head(t);
      for (const who of ['moderator', 'safeguarding-lead', 'chair', 'member', 'auditor'] as const) {
        expect((await put(who, { colour: '#0b0c0c' })).status).toBe(403);
      }
      expect((await t.request('PUT', COLOUR, { body: { colour: '#0b0c0c' } })).status).toBe(401);
      expect(await head(t)).toBe(before);

      const doc = (await t.request('GET', '/api/docs/openapi.json')).json<{ paths: Record<string, unknown> }>();
      expect(Object.keys(doc.paths)).toContain(COLOUR);
    },
    LONG,
  );
});
