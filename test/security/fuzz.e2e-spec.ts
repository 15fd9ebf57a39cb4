// Issue 7's fuzzing, generated from the OpenAPI document: every operation is called thousands of times
// in all, as a role it admits (public ones with no token), with path parameters, query parameters,
// headers and JSON bodies drawn by fast-check from the operation's own schema: real ids and plausible
// values, and wrong types, nulls, huge strings and numbers, unicode, "../", SQL-ish text, nested junk,
// prototype-pollution keys, bodies that are not JSON or not objects. Across every answer: no 5xx, no
// stack trace or SQL in any body, every error an RFC 9457 problem; and a schema-valid body (or query)
// with one unknown property, at the top or in any nested object, is refused 400 naming the property.
// FUZZ_SEED=<n> replays a run (the seed is printed with the figures); FUZZ_REQUESTS=<n> runs longer.
import fc from 'fast-check';
import { EVENT_STORE, ProjectionRunner, type EventStore } from '#event-store';
import { IdentityService, type StaffRole } from '#identity';
import { DEMO_USERS, driveBoardYear, type BoardYear } from '#demo';
import { formatReceiptCode, type ReceiptCode } from '../../libs/voice/src/domain/index.js';
import { RECEIPT_PEPPER } from '../../libs/voice/src/commands/receipt-pepper.provider.js';
import { startTestApp, type HttpResponse, type TestApp } from '../support/test-app.js';

interface Schema {
  readonly $ref?: string;
  readonly allOf?: readonly Schema[];
  readonly type?: string;
  readonly enum?: readonly unknown[];
  readonly format?: string;
  readonly example?: unknown;
  readonly items?: Schema;
  readonly properties?: Record<string, Schema>;
  readonly required?: readonly string[];
  readonly minimum?: number;
  readonly maximum?: number;
  readonly maxLength?: number;
}

interface Parameter {
  readonly name: string;
  readonly in: 'path' | 'query' | 'header' | 'cookie';
  readonly required?: boolean;
  readonly schema?: Schema;
}

interface Operation {
  readonly method: string;
  readonly path: string;
  readonly roles: readonly StaffRole[];
  readonly public: boolean;
  readonly parameters: readonly Parameter[];
  readonly body?: Schema;
}

interface OpenApi {
  paths: Record<
    string,
    Record<
      string,
      {
        'x-roles'?: StaffRole[];
        'x-public'?: boolean;
        parameters?: Parameter[];
        requestBody?: { content: Record<string, { schema: Schema }> };
      }
    >
  >;
  components: { schemas: Record<string, Schema> };
}

/** One generated request: everything but the token, which comes from the role. */
interface Generated {
  readonly path: string;
  readonly query: string;
  readonly headers: Record<string, string>;
  /** JSON text (or deliberately not JSON), with its content type. */
  readonly body?: { readonly text: string; readonly contentType?: string };
}

/** What no answer may ever contain: a stack trace, a source position, an error dump, SQL or a driver's error. */
const LEAKS: ReadonlyArray<readonly [string, RegExp]> = [
  ['stack frame', /\bat (?:async )?[\w$.<>[\] ]*\(?(?:file:\/\/)?(?:\/|[A-Za-z]:\\)[^\s)]*:\d+:\d+\)?/],
  // Anchored at the start of a name (the lookbehind): the same matches, without retrying every later start
  // of a long run of word characters (this pattern was 5% of the file's time on large bodies).
  ['source position', /(?<![\w-])[\w-]+\.(?:ts|js|mjs|cjs):\d+/],
  ['node_modules path', /node_modules[\\/]/],
  ['error dump', /\b[A-Z]?[A-Za-z]*Error: /],
  [
    'SQL statement',
    /\b(?:SELECT\b[^"\n]{0,500}?\bFROM\b|INSERT INTO\b|UPDATE [\w"]+ SET\b|DELETE FROM\b|CREATE TABLE\b)/,
  ],
  [
    'database error',
    /SQLITE_|SqliteError|QueryFailedError|EntityNotFound|syntax error at or near|no such (?:table|column)|UNIQUE constraint failed|duplicate key value|violates (?:unique|foreign key|not-null|check) constraint|relation "[^"]+" does not exist/,
  ],
];

// Hostile text of the usual kinds. Written so that none of it matches LEAKS itself (the SQL is lower
// case, the patterns above are not): whatever is stored and read back cannot pass for a leak.
const NASTY: readonly string[] = [
  '../../../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
  "' or '1'='1",
  "1' or 1=1 --",
  '1; drop table events; --',
  "'; select pg_sleep(5); --",
  '" union all select null, null from users --',
  "admin'--",
  '${jndi:ldap://example.invalid/a}',
  '{{7*7}}',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '\u0000',
  'a\u0000b',
  '\r\nSet-Cookie: x=1',
  '\u202Eevil\u202C',
  '👩‍👩‍👧‍👦🏳️‍🌈',
  'Zalgo: z̷̢̛a̸͎̓l̶̰͝g̵̱̈o̷̧͂',
  'مرحبا بالعالم',
  '𝕿𝖊𝖘𝖙',
  '\uFEFF',
  '\uD800',
  'null',
  'undefined',
  'NaN',
  'Infinity',
  '-1',
  '0',
  '1e309',
  '9007199254740993',
  'true',
  '[]',
  '{}',
  '__proto__',
  'constructor',
  'prototype',
  'hasOwnProperty',
  '%',
  '%zz',
  '%00',
  ' ',
  '',
  '\t\n',
  '2026-02-30',
  '2026-13-01T25:61:61Z',
  '0000-00-00',
  '99999-12-31',
  '+275760-09-13T00:00:00.001Z',
  'a'.repeat(300),
  '((((((((((((((((((((a))))))))))))))))))))',
  '(a+)+$',
];

const NUMBERS: readonly number[] = [0, -0, -1, 0.5, 1e21, 1e308, -1e308, 2 ** 31, 2 ** 53 + 1, Number.MAX_SAFE_INTEGER];

// The requests each operation gets (FUZZ_REQUESTS=<n> for a longer run); heavy ones (a PDF printed by
// Chromium) fewer.
const REQUESTS_PER_OPERATION = Number(process.env.FUZZ_REQUESTS ?? 50);
const HEAVY: Record<string, number> = { 'GET /api/insight/evidence-pack.pdf': 4 };

const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : Math.floor(Math.random() * 2 ** 31);

/** Which leak, if any, a body shows. */
function leakIn(text: string): string | undefined {
  for (const [name, pattern] of LEAKS) {
    const match = pattern.exec(text);
    if (match) return `${name}: ${JSON.stringify(match[0].slice(0, 80))}`;
  }
  return undefined;
}

/** A path segment, percent-encoded (a lone surrogate, which cannot be, as U+FFFD). */
function encode(value: string): string {
  return encodeURIComponent(
    value.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD'),
  );
}

function singular(name: string): string {
  return name.endsWith('Ids') ? name.slice(0, -1) : name;
}

function digits(length: number): fc.Arbitrary<string> {
  return fc.stringMatching(new RegExp(`^\\d{${length}}$`));
}

/** The object with the two properties' values in order, when it has both. */
function inOrder(value: Record<string, unknown>, first: string, second: string): Record<string, unknown> {
  const [a, b] = [value[first], value[second]];
  return typeof a === 'string' && typeof b === 'string' && a > b ? { ...value, [first]: b, [second]: a } : value;
}

function withUnknown(value: Record<string, unknown>, key: string): Record<string, unknown> {
  return { ...value, [key]: 'not in the schema' };
}

describe('security: fuzzing every operation from its OpenAPI schema', () => {
  let t: TestApp;
  let year: BoardYear;
  let document: OpenApi;
  let operations: Operation[];
  const tokens = new Map<StaffRole, string>();
  const pools: Record<string, string[]> = {};
  /** Each meeting's agenda items: a path naming both names a real pair. */
  const agendaItems: Array<readonly [string, string]> = [];

  beforeAll(async () => {
    t = await startTestApp({
      RATE_LIMIT_SIGN_INS_PER_MINUTE: '1000',
      RATE_LIMIT_DEFAULT_PER_MINUTE: '1000000',
      RATE_LIMIT_SUBMISSIONS_PER_MINUTE: '1000000',
      RATE_LIMIT_RECEIPT_CODES_PER_MINUTE: '1000000',
      RATE_LIMIT_PUBLIC_READS_PER_MINUTE: '1000000',
    });
    const identity = t.app.get(IdentityService);
    const tenantId = (await identity.tenantBySlug('northshire'))!.id;
    const staff = async (email: string) => (await identity.activeUserIdByEmail(tenantId, email))!;
    year = await driveBoardYear(t.app.get<EventStore>(EVENT_STORE), {
      tenantId,
      prefix: 'fz',
      seed: 11,
      // The app's own pepper, so the year's receipt codes work on the public routes.
      receiptPepper: t.app.get<string>(RECEIPT_PEPPER, { strict: false }),
      staffIds: {
        clerk: await staff('clerk@northshire.example'),
        chair: await staff('chair@northshire.example'),
        moderator: await staff('moderator@northshire.example'),
        lead: await staff('safeguarding@northshire.example'),
        deputy: await staff('sg-deputy@northshire.example'),
        advocate: await staff('officer@northshire.example'),
        dpo: await staff('admin@northshire.example'),
      },
    });
    await t.app.get(ProjectionRunner).waitForCatchUp({ timeoutMs: 60_000 });
    for (const user of DEMO_USERS) {
      if (!tokens.has(user.role)) tokens.set(user.role, await t.signIn(user.email));
    }
    const issued = await t.request('POST', '/api/staff/voice-settings/invite-codes', {
      token: tokens.get('admin'),
      body: { label: 'Fuzzing session', expiresOn: '2026-12-31' },
    });
    expect(issued.status).toBe(201);

    // A meeting still to come, with its agenda open, besides the year's (all held by now).
    const upcoming = { meetingId: 'f0a2c3d4-0000-4000-8000-00000000f022', itemIds: [] as string[] };
    const scheduled = await t.request('POST', '/api/meetings', {
      token: tokens.get('clerk'),
      body: {
        meetingId: upcoming.meetingId,
        title: 'Fuzzing board',
        startsAt: '2026-06-01T17:00:00Z',
        endsAt: '2026-06-01T19:00:00Z',
        place: 'Committee Room 2',
      },
    });
    expect(scheduled.status).toBe(201);
    for (const [i, title] of ['Placement sufficiency', 'Care leavers housing'].entries()) {
      const itemId = `f0a2c3d4-0000-4000-8000-00000000f0${i}0`;
      const added = await t.request('POST', `/api/meetings/${upcoming.meetingId}/agenda-items`, {
        token: tokens.get('clerk'),
        body: { itemId, title, purpose: 'decision', lead: 'Director of Children’s Services' },
      });
      expect(added.status).toBe(201);
      upcoming.itemIds.push(itemId);
    }
    const meetings = [upcoming, upcoming, upcoming, ...year.meetings];
    pools.meetingId = meetings.map((m) => m.meetingId);
    pools.itemId = meetings.flatMap((m) => m.itemIds);
    agendaItems.push(...meetings.flatMap((m) => m.itemIds.map((itemId) => [m.meetingId, itemId] as const)));
    pools.decisionId = [...year.decisions.all];
    pools.actionId = [...year.actions.all];
    pools.contributionId = [...year.views.all];
    pools.memberId = [...year.people.councillors, year.people.chair, year.people.officer];
    pools.caseId = [...year.safeguardingCases];
    pools.callId = [year.call.callId];
    pools.codeId = [issued.json<{ codeId: string }>().codeId];
    pools.staffId = await Promise.all(DEMO_USERS.map((u) => staff(u.email)));
    pools.receiptCode = Object.values(year.receiptCodes).map((code) => formatReceiptCode(code as ReceiptCode));
    pools.userId = pools.staffId;
    // Staff accounts the fuzzing may disable and give any roles: never the demo users it signs in as.
    pools.accountId = [];
    for (const [i, roles] of ([['clerk'], ['officer', 'auditor'], ['admin']] as const).entries()) {
      const account = await identity.createStaffUser({
        tenantId,
        email: `fuzz-account-${i}@northshire.example`,
        displayName: `Fuzzing account ${i}`,
        password: 'fuzzing-account-2026',
        roles: [...roles],
      });
      pools.accountId.push(account.id);
    }
    pools.board = ['northshire'];
    pools.tenant = ['northshire'];

    document = (await t.request('GET', '/api/docs/openapi.json')).json<OpenApi>();
    operations = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({
        method: method.toUpperCase(),
        path,
        roles: operation['x-roles'] ?? [],
        public: operation['x-public'] === true,
        parameters: operation.parameters ?? [],
        body: operation.requestBody?.content['application/json']?.schema,
      })),
    );
  }, 180_000);

  afterAll(async () => {
    await t?.close();
  });

  // --- Schemas to arbitraries -------------------------------------------------------------------------

  function resolve(schema: Schema): Schema {
    if (schema.$ref) return resolve(document.components.schemas[schema.$ref.split('/').pop()!]!);
    if (schema.allOf?.length === 1) return resolve(schema.allOf[0]!);
    return schema;
  }

  /** A real id of the kind a property or parameter names, or a made-up one. */
  function idFor(name: string, segment?: string): fc.Arbitrary<string> {
    const bySegment: Record<string, string> = {
      meetings: 'meetingId',
      decisions: 'decisionId',
      actions: 'actionId',
      views: 'contributionId',
    };
    const kind =
      name === 'id' && segment
        ? bySegment[segment]
        : name === 'previousMeetingId'
          ? 'meetingId'
          : ['namedLead', 'deputy', 'owner'].includes(name)
            ? 'staffId'
            : name;
    const pool = kind ? pools[kind] : undefined;
    return pool?.length ? fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...pool) }, fc.uuid()) : fc.uuid();
  }

  const words = fc.lorem({ maxCount: 6 });
  const day = fc
    .date({ min: new Date('2025-12-01T00:00:00Z'), max: new Date('2026-12-31T00:00:00Z'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));
  const instant = fc
    .date({ min: new Date('2025-12-01T00:00:00Z'), max: new Date('2026-12-31T00:00:00Z'), noInvalidDate: true })
    .map((d) => `${d.toISOString().slice(0, 16)}:00Z`);
  const code = fc.oneof(
    fc.constantFrom('placement-stability', 'education', 'health', 'housing', 'take-views-into-account'),
    fc.stringMatching(/^[a-z][a-z0-9-]{0,20}$/),
  );
  const printable = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)) });

  /** Hostile values of every JSON type, nested a little. */
  const junk: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
    value: fc.oneof(
      { maxDepth: 3 },
      fc.constant(null),
      fc.boolean(),
      fc.integer(),
      fc.double(),
      fc.constantFrom(...NUMBERS),
      fc.string(),
      fc.string({ unit: 'grapheme', maxLength: 30 }),
      fc.string({ unit: 'binary', maxLength: 30 }),
      fc.constantFrom(...NASTY),
      fc.integer({ min: 5_000, max: 120_000 }).map((n) => 'x'.repeat(n)),
      fc.array(tie('value'), { maxLength: 4 }),
      fc.dictionary(fc.string({ maxLength: 12 }), tie('value'), { maxKeys: 4 }),
    ),
  })).value;

  // Properties whose schema says too little to make a plausible value (never a real person's sign-in:
  // failures would lock the demo users out).
  const HINTS: Record<string, () => fc.Arbitrary<unknown>> = {
    email: () => fc.integer({ min: 1 }).map((n) => `fuzz-${n}@northshire.example`),
    tenant: () => fc.constant('northshire'),
    password: () => fc.string({ minLength: 1, maxLength: 80 }),
    receiptCode: () => fc.constantFrom(...pools.receiptCode!),
    target: () =>
      fc.oneof(
        fc.record({ kind: fc.constant('call'), callId: idFor('callId') }),
        fc.record({ kind: fc.constant('meeting'), meetingId: idFor('meetingId') }),
        fc.record({ kind: fc.constant('agenda-item'), meetingId: idFor('meetingId'), itemId: idFor('itemId') }),
        fc.constant({ kind: 'none' }),
      ),
    rules: () =>
      fc.array(
        fc.record(
          {
            category: code,
            phrases: fc.array(fc.oneof({ weight: 3, arbitrary: words }, fc.constantFrom(...NASTY)), { maxLength: 3 }),
            // Mostly sound patterns; now and then one that matches empty text, backtracks badly or is not one.
            patterns: fc.array(
              fc.oneof(
                { weight: 6, arbitrary: fc.constantFrom('\\bhurt\\b', 'run(ning)? away', '\\bscared of \\w+') },
                fc.constantFrom('(a+)+$', '.*', '', '[', '(?<x>a)\\k<x>', 'a{1,99999}', '(?=a)*', '\\'),
              ),
              { maxLength: 2 },
            ),
          },
          { requiredKeys: ['category'] },
        ),
        { maxLength: 3 },
      ),
  };

  /** A value the schema allows, as far as the schema says (ids real where the name says what they are). */
  function valid(schema: Schema, name: string, full = false): fc.Arbitrary<unknown> {
    const hint = HINTS[name];
    if (hint) return hint();
    const s = resolve(schema);
    if (s.enum?.length) return fc.constantFrom(...s.enum);
    switch (s.type) {
      case 'string':
        return validString(s, name);
      case 'number':
      case 'integer': {
        const min = s.minimum ?? 0;
        return fc.integer({ min, max: Math.min(s.maximum ?? min + 10, min + 10) });
      }
      case 'boolean':
        return fc.boolean();
      case 'array':
        return fc.array(valid(s.items ?? {}, singular(name), full), { minLength: 1, maxLength: 3 });
      default:
        return s.properties
          ? validObject(s, true, full)
          : fc.dictionary(fc.string({ maxLength: 8 }), fc.string(), { maxKeys: 2 });
    }
  }

  function validString(s: Schema, name: string): fc.Arbitrary<string> {
    let value: fc.Arbitrary<string>;
    if (s.format === 'uuid') value = fc.uuid();
    else if (typeof s.example === 'string' && /^\d+$/.test(s.example)) value = digits(s.example.length);
    else if (name.endsWith('Id') || name === 'id' || ['namedLead', 'deputy'].includes(name)) value = idFor(name);
    else if (/^(on|dueOn|closesOn|appointedOn|expiresOn|from|to)$/.test(name)) value = day;
    else if (/At$/.test(name)) value = instant;
    else if (/link$/i.test(name)) value = fc.webUrl({ validSchemes: ['https'] });
    else if (['themes', 'principles', 'theme', 'principle', 'code', 'category'].includes(name)) value = code;
    else if (typeof s.example === 'string') value = fc.oneof(fc.constant(s.example), words);
    else value = fc.oneof({ weight: 3, arbitrary: words }, fc.constantFrom(...NASTY));
    return s.maxLength ? value.map((v) => v.slice(0, s.maxLength)) : value;
  }

  /**
   * An object of the schema's properties, required ones always. A nested object whose properties are all
   * optional is a choice in these schemas (a member or an officer; views cited or none applied): one
   * of them. Dates and times that come in pairs are in order.
   */
  function validObject(s: Schema, nested = false, full = false): fc.Arbitrary<Record<string, unknown>> {
    const properties = Object.entries(s.properties ?? {});
    const model = Object.fromEntries(properties.map(([name, property]) => [name, valid(property, name, full)]));
    if (nested && !s.required?.length && properties.length > 1) {
      return fc.oneof(...properties.map(([name]) => model[name]!.map((value) => ({ [name]: value }))));
    }
    // Full: every property the schema has, optional ones too.
    const requiredKeys = full ? properties.map(([name]) => name) : [...(s.required ?? [])];
    const record = fc.record(model, { requiredKeys }) as fc.Arbitrary<Record<string, unknown>>;
    return record.map((value) => inOrder(inOrder(value, 'startsAt', 'endsAt'), 'from', 'to'));
  }

  /** Every nested object the body schema declares, as a path of property names ('[]' for an array's items). */
  function nestedObjects(schema: Schema, prefix: string[] = [], depth = 0): string[][] {
    const s = resolve(schema);
    if (depth > 3 || !s.properties) return [];
    return Object.entries(s.properties).flatMap(([name, property]) => {
      const p = resolve(property);
      if (p.properties) return [[...prefix, name], ...nestedObjects(p, [...prefix, name], depth + 1)];
      if (p.type === 'array' && p.items && resolve(p.items).properties) {
        return [[...prefix, name, '[]'], ...nestedObjects(p.items, [...prefix, name, '[]'], depth + 1)];
      }
      return [];
    });
  }

  /** The schema at a nested path. */
  function schemaAt(schema: Schema, path: readonly string[]): Schema {
    return path.reduce(
      (s, step) => (step === '[]' ? resolve(resolve(s).items!) : resolve(resolve(s).properties![step]!)),
      schema,
    );
  }

  // --- Requests ---------------------------------------------------------------------------------------

  function pathArbitrary(operation: Operation, fuzz: boolean): fc.Arbitrary<string> {
    const names = [...operation.path.matchAll(/\/([a-z-]+)\/\{([A-Za-z]+)\}/g)];
    if (names.length === 0) return fc.constant(operation.path);
    const hostile = fc.oneof(
      fc.constantFrom(...NASTY).map(encode),
      fc.string({ unit: 'grapheme', minLength: 1 }).map(encode),
      fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }).map(encode),
      fc.integer({ min: 101, max: 3_000 }).map((n) => 'a'.repeat(n)),
      // Raw, as a client may send them: a dot-dot segment encoded, a bad escape, an encoded NUL.
      fc.constantFrom('..%2F..%2Fapi%2Fauth%2Fme', '%2e%2e', '%zz', '%00', '%C0%AE', 'a%2Fb', '%E2%80%AE'),
      fc.uuid(),
    );
    const values = names.map(([, segment, name]) => {
      const real = idFor(name!, segment);
      return fuzz ? fc.oneof(real.map(encode), hostile) : real.map(encode);
    });
    const pair = fc.constantFrom(...agendaItems);
    return fc.tuple(fc.tuple(...values), pair).map(([chosen, [meetingId, itemId]]) => {
      let i = 0;
      const path = operation.path.replace(/\{[A-Za-z]+\}/g, () => chosen[i++]!);
      // A meeting and one of its own items, when plausible.
      return fuzz || !/\{meetingId\}\/(agenda-items|items)\/\{itemId\}/.test(operation.path)
        ? path
        : operation.path.replace('{meetingId}', meetingId).replace('{itemId}', itemId);
    });
  }

  function queryArbitrary(operation: Operation, fuzz: boolean): fc.Arbitrary<string> {
    const params = operation.parameters.filter((p) => p.in === 'query');
    if (params.length === 0) return fc.constant('');
    const entries = params.map((p) => {
      const plausible =
        p.name === 'asAt'
          ? instant
          : p.name === 'position'
            ? fc.nat({ max: 5_000 }).map((n) => String(n).padStart(20, '0'))
            : p.name === 'owner' || p.name === 'decision'
              ? idFor(p.name === 'owner' ? 'memberId' : 'decisionId')
              : (valid(p.schema ?? { type: 'string' }, p.name) as fc.Arbitrary<string>).map(String);
      const hostile = fc.oneof(
        fc.constantFrom(...NASTY),
        fc.constantFrom('99999999999999999999', '00000000000000000001:99999999999999999999', '2026-03-02', '-1'),
        fc.string({ unit: 'grapheme' }),
        fc.integer({ min: 1_000, max: 2_000 }).map((n) => '9'.repeat(n)),
        // Sent twice: an array where a string is expected.
        fc.tuple(plausible, plausible),
      );
      return fc
        .option(fuzz ? fc.oneof(plausible, hostile) : plausible, { nil: undefined })
        .map((v) => [p.name, v] as const);
    });
    return fc.tuple(...entries).map((chosen) => {
      let pairs = chosen;
      if (!fuzz) {
        // Plausible: as at a moment or a position, not both; a period from one day to a later one.
        const values = inOrder(Object.fromEntries(pairs), 'from', 'to');
        if (values.asAt !== undefined) delete values.position;
        pairs = pairs.map(([name]) => [name, values[name] as string | undefined] as const);
      }
      const query = new URLSearchParams();
      for (const [name, value] of pairs) {
        if (value === undefined) continue;
        for (const one of Array.isArray(value) ? value : [value]) query.append(name, String(one));
      }
      const text = query.toString();
      return text ? `?${text}` : '';
    });
  }

  function headerArbitrary(operation: Operation, fuzz: boolean): fc.Arbitrary<Record<string, string>> {
    const receipt = operation.parameters.some((p) => p.in === 'header' && p.name === 'X-Receipt-Code');
    const code = fc.option(
      fuzz ? fc.oneof(fc.constantFrom(...pools.receiptCode!), printable) : fc.constantFrom(...pools.receiptCode!),
      { nil: undefined },
    );
    const idempotency = fc.option(fuzz ? fc.oneof(fc.uuid(), printable, fc.constant('x'.repeat(500))) : fc.uuid(), {
      nil: undefined,
      freq: 3,
    });
    return fc
      .record({ code: receipt ? code : fc.constant(undefined), idempotency })
      .map(({ code: c, idempotency: k }) => ({
        ...(c !== undefined ? { 'x-receipt-code': c } : {}),
        ...(k !== undefined && operation.method !== 'GET' ? { 'idempotency-key': k } : {}),
      }));
  }

  function bodyArbitrary(operation: Operation, fuzz: boolean): fc.Arbitrary<Generated['body']> {
    if (!operation.body) {
      // Routes with no body are sent one now and then anyway.
      if (operation.method === 'GET' || !fuzz) return fc.constant(undefined);
      return fc.option(
        junk.map((v) => ({ text: JSON.stringify(v) ?? 'null' })),
        { nil: undefined },
      );
    }
    const schema = resolve(operation.body);
    const good = validObject(schema);
    if (!fuzz) return good.map((b) => ({ text: JSON.stringify(b) }));
    const names = [...Object.keys(schema.properties ?? {}), '__proto__', 'constructor', 'fuzzExtra'];
    return fc.oneof(
      // A property of the wrong type, null, huge or nested junk.
      fc
        .tuple(good, fc.constantFrom(...names), junk)
        .map(([b, key, value]) => ({ text: JSON.stringify({ ...b, [key]: value }) })),
      // The same, anywhere in the body: in a nested object, or an array's item.
      fc.tuple(good, fc.nat(), junk).map(([b, n, value]) => {
        const places = placesIn(b);
        return { text: JSON.stringify(places.length ? replaceAt(b, places[n % places.length]!, value) : value) };
      }),
      // A required property missing.
      fc.tuple(good, fc.constantFrom(...names)).map(([b, key]) => {
        const copy = { ...b };
        delete copy[key];
        return { text: JSON.stringify(copy) };
      }),
      // Prototype pollution, written into the JSON text (an object literal would not carry the key).
      fc.tuple(good, fc.constantFrom('__proto__', 'constructor')).map(([b, key]) => ({
        text: JSON.stringify(b)
          .replace(
            /^\{/,
            key === '__proto__'
              ? '{"__proto__":{"polluted":"yes","roles":["admin"]},'
              : '{"constructor":{"prototype":{"polluted":"yes"}},',
          )
          .replace(/,\}$/, '}'),
      })),
      // Not an object at all.
      junk.map((v) => ({ text: JSON.stringify(v) ?? 'null' })),
      // Not JSON, or not said to be.
      fc.constantFrom(
        { text: '{"text": "unterminated' },
        { text: '' },
        { text: '{"a":1}{"b":2}' },
        { text: '\uFEFF{}' },
        { text: `${'['.repeat(4_000)}${']'.repeat(4_000)}` },
        { text: `{"nested":${'{"a":'.repeat(2_000)}1${'}'.repeat(2_000)}}` },
        { text: 'text=hello', contentType: 'application/x-www-form-urlencoded' },
        { text: 'hello', contentType: 'text/plain' },
        { text: '{"text":"hi"}', contentType: 'application/json; charset=utf-16' },
        { text: '<a>xml</a>', contentType: 'application/xml' },
      ),
      good.map((b) => ({ text: JSON.stringify(b) })),
    );
  }

  function requestArbitrary(operation: Operation): fc.Arbitrary<Generated> {
    // Half the requests are plausible throughout (they reach the handlers); the rest are hostile somewhere.
    return fc.boolean().chain((fuzz) =>
      fc.record({
        path: pathArbitrary(operation, fuzz),
        query: queryArbitrary(operation, fuzz),
        headers: headerArbitrary(operation, fuzz),
        body: bodyArbitrary(operation, fuzz),
      }),
    );
  }

  function tokenFor(operation: Operation, n: number): string | undefined {
    if (operation.public || operation.roles.length === 0) return undefined;
    return tokens.get(operation.roles[n % operation.roles.length]!);
  }

  async function send(operation: Operation, request: Generated, n: number): Promise<HttpResponse> {
    const headers: Record<string, string> = { ...request.headers };
    if (request.body?.contentType) headers['content-type'] = request.body.contentType;
    return t.request(operation.method, `${request.path}${request.query}`, {
      token: tokenFor(operation, n),
      headers,
      rawBody: request.body?.text,
    });
  }

  // --- The run ----------------------------------------------------------------------------------------

  it('answers every generated request without a 5xx or a leak, errors as problems, unknown properties refused', async () => {
    const started = Date.now();
    const failures: Record<'5xx' | 'leak' | 'problem' | 'unknown', string[]> = {
      '5xx': [],
      leak: [],
      problem: [],
      unknown: [],
    };
    let sent = 0;
    let serverErrors = 0;
    let leaks = 0;
    let notProblems = 0;
    let unknownChecks = 0;
    let shapesSent = 0;
    let unknownRejected = 0;
    const byStatus = new Map<number, number>();
    const perOperation: Record<string, Record<number, number>> = {};

    // The test's own hostile text must not look like a leak, or a stored value read back would.
    for (const text of NASTY) expect(leakIn(JSON.stringify(text))).toBeUndefined();

    function judge(name: string, what: string, response: HttpResponse): void {
      sent += 1;
      byStatus.set(response.status, (byStatus.get(response.status) ?? 0) + 1);
      const mine = (perOperation[name] ??= {});
      mine[response.status] = (mine[response.status] ?? 0) + 1;
      const type = response.headers.get('content-type') ?? '';
      if (response.status >= 500) {
        serverErrors += 1;
        failures['5xx'].push(`${name} [${what}]: ${response.status} ${problemType(response)}`);
      }
      if (!type.startsWith('application/pdf')) {
        const leak = leakIn(response.text);
        if (leak) {
          leaks += 1;
          failures.leak.push(`${name} [${what}]: ${response.status} shows a ${leak}`);
        }
      }
      if (response.status >= 400) {
        let body: { type?: unknown; title?: unknown; status?: unknown } | undefined;
        try {
          body = response.json();
        } catch {
          body = undefined;
        }
        const problem =
          type.startsWith('application/problem+json') &&
          typeof body?.type === 'string' &&
          typeof body.title === 'string' &&
          body.status === response.status;
        if (!problem) {
          notProblems += 1;
          failures.problem.push(
            `${name} [${what}]: ${response.status} is not a problem (${type || 'no content type'})`,
          );
        }
      }
    }

    for (const [index, operation] of operations.entries()) {
      const name = `${operation.method} ${operation.path}`;
      const count = HEAVY[name] ?? REQUESTS_PER_OPERATION;
      const requests = fc.sample(requestArbitrary(operation), { numRuns: count, seed: seed + index });
      for (const [n, request] of requests.entries()) {
        const response = await send(operation, request, n);
        judge(name, summary(request), response);
      }

      const path = fc.sample(pathArbitrary(operation, false), { numRuns: 1, seed })[0]!;

      // Every place of a body with every property (at any depth, items of lists too) set to null, to an
      // empty object and to an empty list in turn: the shapes a handler reading the body may not expect.
      if (operation.body) {
        const swept = new Set<string>();
        for (const full of fc.sample(validObject(resolve(operation.body), false, true), {
          numRuns: 4,
          seed: seed + index,
        })) {
          for (const place of placesIn(full)) {
            const key = place.map((step) => (typeof step === 'number' ? '[]' : step)).join('.');
            if (swept.has(key)) continue;
            swept.add(key);
            for (const value of [null, {}, []]) {
              const body = JSON.stringify(replaceAt(full, place, value));
              const response = await t.request(operation.method, path, {
                token: tokenFor(operation, swept.size),
                rawBody: body,
              });
              judge(name, `${key} = ${JSON.stringify(value)} in ${cut(body, 200)}`, response);
              shapesSent += 1;
            }
          }
        }
      }

      // A schema-valid body with one property the schema does not have, at the top and in every
      // nested object, is refused by name; so is a query with one parameter too many.
      const checks: Array<{ where: string; body?: string; query?: string; key: string }> = [];
      if (operation.body) {
        const schema = resolve(operation.body);
        const base = fc.sample(validObject(schema), { numRuns: 1, seed: seed + index })[0]!;
        checks.push({ where: 'body', key: 'fuzzUnknown0', body: JSON.stringify(withUnknown(base, 'fuzzUnknown0')) });
        for (const [i, nested] of nestedObjects(schema).entries()) {
          const key = `fuzzUnknown${i + 1}`;
          const inner = fc.sample(validObject(schemaAt(schema, nested)), { numRuns: 1, seed: seed + i })[0]!;
          checks.push({
            where: nested.join('.'),
            key,
            body: JSON.stringify(setAt(base, nested, withUnknown(inner, key))),
          });
        }
      }
      if (operation.parameters.some((p) => p.in === 'query')) {
        checks.push({ where: 'query', key: 'fuzzUnknownQuery', query: '?fuzzUnknownQuery=1' });
      }
      for (const check of checks) {
        unknownChecks += 1;
        const response = await t.request(operation.method, `${path}${check.query ?? ''}`, {
          token: tokenFor(operation, 0),
          rawBody: check.body,
        });
        judge(name, `unknown property in ${check.where}`, response);
        const errors =
          response.status === 400 ? (response.json<{ errors?: Array<{ field: string }> }>().errors ?? []) : [];
        if (errors.some((error) => error.field.split('.').pop() === check.key)) unknownRejected += 1;
        else
          failures.unknown.push(
            `${name}: an unknown property in ${check.where} got ${response.status}, not a 400 naming it`,
          );
      }
    }

    // Nothing reached Object.prototype in the app's process.
    const polluted = ({} as Record<string, unknown>).polluted !== undefined || Object.hasOwn(Object.prototype, 'roles');

    // The generated requests reach the handlers, not only the validation in front of them.
    const answered2xx = Object.values(perOperation).filter((statuses) =>
      Object.keys(statuses).some((status) => Number(status) < 300),
    ).length;
    const seconds = Math.round((Date.now() - started) / 1000);
    const statuses = [...byStatus.entries()].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`);
    console.log(
      `fuzzing (seed ${seed}): ${operations.length} operations, ${sent} requests in ${seconds}s ` +
        `(${shapesSent} of them null, {} or [] at each place of a full body), ` +
        `${serverErrors} answers of 5xx, ${leaks} stack traces or SQL in bodies, ` +
        `${notProblems} errors not RFC 9457 problems, ${unknownRejected} of ${unknownChecks} unknown properties ` +
        `refused 400 by name, prototype ${polluted ? 'POLLUTED' : 'untouched'}; ${answered2xx} operations answered 2xx; ` +
        `statuses ${statuses.join(' ')}`,
    );
    expect(operations.length).toBeGreaterThan(80);
    expect(sent).toBeGreaterThan(3_000);
    expect(answered2xx).toBeGreaterThan(operations.length / 2);
    // The first few of each kind, then the counts.
    expect(failures['5xx'].slice(0, 20)).toEqual([]);
    expect(failures.leak.slice(0, 20)).toEqual([]);
    expect(failures.problem.slice(0, 20)).toEqual([]);
    expect(failures.unknown.slice(0, 20)).toEqual([]);
    expect(serverErrors).toBe(0);
    expect(leaks).toBe(0);
    expect(notProblems).toBe(0);
    expect(unknownRejected).toBe(unknownChecks);
    expect(polluted).toBe(false);
  }, 300_000);
});

function problemType(response: HttpResponse): string {
  try {
    return String(response.json().type);
  } catch {
    return '(not JSON)';
  }
}

function cut(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length)}…(${text.length})` : text;
}

/** The generated request, short: enough to find it again, none of it a young person's. */
function summary(request: Generated): string {
  const headers = Object.keys(request.headers).length ? ` headers ${cut(JSON.stringify(request.headers), 80)}` : '';
  const body = request.body ? ` body ${request.body.contentType ?? 'json'} ${cut(request.body.text, 160)}` : '';
  return `${cut(request.path, 120)}${cut(request.query, 120)}${headers}${body}`;
}

/** Every place in a JSON value (a path of keys and indexes), the value itself excepted. */
function placesIn(value: unknown, prefix: ReadonlyArray<string | number> = []): Array<Array<string | number>> {
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, inner]) => {
    const place = [...prefix, Array.isArray(value) ? Number(key) : key];
    return [place, ...placesIn(inner, place)];
  });
}

/** A deep copy of a JSON value with another value at a place. */
function replaceAt(value: unknown, place: ReadonlyArray<string | number>, replacement: unknown): unknown {
  if (place.length === 0) return replacement;
  const [head, ...rest] = place;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string | number, unknown>;
  copy[head!] = replaceAt(copy[head!], rest, replacement);
  return copy;
}

/** A copy of the body with the value set at a nested path ('[]': as the only item of an array). */
function setAt(body: Record<string, unknown>, path: readonly string[], value: unknown): Record<string, unknown> {
  const [head, ...rest] = path;
  if (head === undefined) return value as Record<string, unknown>;
  if (rest[0] === '[]') {
    const inner = rest.length === 1 ? value : setAt({}, rest.slice(1), value);
    return { ...body, [head]: [inner] };
  }
  const current = (body[head] ?? {}) as Record<string, unknown>;
  return { ...body, [head]: setAt(typeof current === 'object' && current ? current : {}, rest, value) };
}
