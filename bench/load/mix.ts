// The request mix of bench:load: who does what, how often (weights out of 100), and how each request is
// built. Each request is drawn at random by weight, so every connection carries the same mix.
import { FIRST_NAMES, VIEW_WORDS } from '../../libs/demo/src/board-year/board-year.words.js';
import { DEMO, londonDate, type SeededBoard } from './seed.js';

export type Who = 'young person' | 'staff' | 'auditor';

export interface BuiltRequest {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body?: string;
}

export interface RequestKind {
  /** A short name for the tables and the JSON. */
  readonly name: string;
  readonly who: Who;
  /** The route, as documented (`METHOD /api/...`). */
  readonly route: string;
  readonly weight: number;
  build(): BuiltRequest;
  /** Sees every answer of this kind (e.g. to keep new receipt codes for later checks). */
  onAnswer?(status: number, body: string): void;
}

export interface MixTokens {
  readonly clerk: string;
  readonly chair: string;
  readonly auditor: string;
}

/** Who does what, how often: the product's mix (weights add up to 100). */
export const PRODUCT_MIX: ReadonlyArray<Pick<RequestKind, 'name' | 'who' | 'route' | 'weight'>> = [
  { name: 'give-view', who: 'young person', route: 'POST /api/public/boards/:board/views', weight: 12 },
  { name: 'check-view', who: 'young person', route: 'POST /api/public/views/check', weight: 14 },
  { name: 'open-calls', who: 'young person', route: 'GET /api/public/boards/:board/calls', weight: 7 },
  {
    name: 'public-you-said-we-did',
    who: 'young person',
    route: 'GET /api/public/boards/:board/you-said-we-did',
    weight: 7,
  },
  { name: 'meetings', who: 'staff', route: 'GET /api/meetings', weight: 10 },
  { name: 'meeting', who: 'staff', route: 'GET /api/meetings/:id', weight: 12 },
  { name: 'voice-impact', who: 'staff', route: 'GET /api/insight/impact?from&to', weight: 6 },
  { name: 'open-actions', who: 'staff', route: 'GET /api/actions?status=open', weight: 4 },
  { name: 'decisions', who: 'staff', route: 'GET /api/decisions', weight: 4 },
  { name: 'decision-influence', who: 'staff', route: 'GET /api/insight/decisions/:id/influence', weight: 4 },
  { name: 'decision-history', who: 'auditor', route: 'GET /api/audit/decisions/:id/history', weight: 8 },
  { name: 'meeting-history', who: 'auditor', route: 'GET /api/audit/meetings/:id/history', weight: 6 },
  { name: 'decision-as-at', who: 'auditor', route: 'GET /api/audit/decisions/:id?asAt', weight: 6 },
];

/**
 * A code given under load is checked no sooner than this after it was given. The check reads the receipts
 * read model, which a projection fills a moment after the view is written: a check in that moment is
 * told the code is unknown (404), which bench:load would count as an error (see bench/README.md).
 */
export const CHECK_BACK_AFTER_MS = 10_000;

const pick = <T>(list: readonly T[]): T => list[Math.floor(Math.random() * list.length)]!;
const json = { 'content-type': 'application/json' };

/**
 * The product's mix: young people (40 %) giving views and checking them, staff (40 %) reading meetings,
 * the decisions register, the action log and the voice-impact dashboard, auditors (20 %) reading history
 * and the board as it stood.
 */
export function productMix(board: SeededBoard, tokens: MixTokens): RequestKind[] {
  const as = (token: string): Record<string, string> => ({ authorization: `Bearer ${token}` });
  const receiptCodes = [...board.receiptCodes];
  const pending: Array<{ receiptCode: string; from: number }> = [];
  const comeBack = (): string[] => {
    const now = Date.now();
    while (pending.length > 0 && pending[0]!.from <= now) receiptCodes.push(pending.shift()!.receiptCode);
    return receiptCodes;
  };
  const heldAndNext = board.meetingIds;
  const period = `from=${londonDate(-365)}&to=${londonDate(1)}`;
  // Auditors ask how a decision stood at a moment: the end of the seeding, before the load began.
  const asAt = encodeURIComponent(new Date().toISOString());
  const themes = board.themes;
  const meta = (name: string) => {
    const entry = PRODUCT_MIX.find((k) => k.name === name);
    if (!entry) throw new Error(`no ${name} in the mix`);
    return entry;
  };
  const kinds: RequestKind[] = [
    {
      ...meta('give-view'),
      build: () => {
        const view = {
          ...aView(themes),
          ...(Math.random() < 0.4 ? { target: { kind: 'call', callId: board.callId } } : {}),
        };
        return {
          method: 'POST',
          path: `/api/public/boards/${DEMO.tenant}/views`,
          headers: json,
          body: JSON.stringify(view),
        };
      },
      onAnswer: (status, body) => {
        // The young person comes back later to check their new view: its code joins the pool after a delay.
        if (status !== 201 || pending.length + receiptCodes.length >= 5_000) return;
        try {
          const { receiptCode } = JSON.parse(body) as { receiptCode: string };
          pending.push({ receiptCode, from: Date.now() + CHECK_BACK_AFTER_MS });
        } catch {
          // not JSON: the status already counts it
        }
      },
    },
    {
      ...meta('check-view'),
      build: () => ({
        method: 'POST',
        path: '/api/public/views/check',
        headers: json,
        body: JSON.stringify({ receiptCode: pick(comeBack()) }),
      }),
    },
    {
      ...meta('open-calls'),
      build: () => ({ method: 'GET', path: `/api/public/boards/${DEMO.tenant}/calls`, headers: {} }),
    },
    {
      ...meta('public-you-said-we-did'),
      build: () => ({ method: 'GET', path: `/api/public/boards/${DEMO.tenant}/you-said-we-did`, headers: {} }),
    },
    {
      ...meta('meetings'),
      build: () => ({ method: 'GET', path: '/api/meetings', headers: as(tokens.clerk) }),
    },
    {
      ...meta('meeting'),
      build: () => ({
        method: 'GET',
        path: `/api/meetings/${pick(heldAndNext)}`,
        headers: as(pick([tokens.clerk, tokens.chair])),
      }),
    },
    {
      ...meta('voice-impact'),
      build: () => ({ method: 'GET', path: `/api/insight/impact?${period}`, headers: as(tokens.chair) }),
    },
    {
      ...meta('open-actions'),
      build: () => ({ method: 'GET', path: '/api/actions?status=open', headers: as(tokens.chair) }),
    },
    {
      ...meta('decisions'),
      build: () => ({ method: 'GET', path: '/api/decisions', headers: as(tokens.chair) }),
    },
    {
      ...meta('decision-influence'),
      build: () => ({
        method: 'GET',
        path: `/api/insight/decisions/${pick(board.decisionsCitingViews)}/influence`,
        headers: as(tokens.chair),
      }),
    },
    {
      ...meta('decision-history'),
      build: () => ({
        method: 'GET',
        path: `/api/audit/decisions/${pick(board.decisionIds)}/history`,
        headers: as(tokens.auditor),
      }),
    },
    {
      ...meta('meeting-history'),
      build: () => ({
        method: 'GET',
        path: `/api/audit/meetings/${pick(board.heldMeetingIds)}/history`,
        headers: as(tokens.auditor),
      }),
    },
    {
      ...meta('decision-as-at'),
      build: () => ({
        method: 'GET',
        path: `/api/audit/decisions/${pick(board.decisionsCitingViews)}?asAt=${asAt}`,
        headers: as(tokens.auditor),
      }),
    },
  ];
  const total = kinds.reduce((sum, k) => sum + k.weight, 0);
  if (total !== 100 || kinds.length !== PRODUCT_MIX.length) throw new Error(`the mix is not whole (${total} %)`);
  return kinds;
}

/**
 * The baseline's one request (issue 21): a view-sized JSON body written durably as one SQLite row, what
 * giving a view must do at the least. (`GET /`, the framework alone, was the baseline before.)
 */
export function bareMix(): RequestKind[] {
  return [
    {
      name: 'bare',
      who: 'young person',
      route: 'POST /views (one SQLite FULL insert)',
      weight: 100,
      build: () => ({ method: 'POST', path: '/views', headers: json, body: JSON.stringify(aView(['education'])) }),
    },
  ];
}

/**
 * Young people giving views and nothing else: what bench:growth times as the log grows, and what bench:load
 * sets against the bare endpoint (like with like: one POST that must be durable when answered).
 */
export function giveViewAlone(themes: readonly string[]): RequestKind {
  return {
    name: 'give-view',
    who: 'young person',
    route: 'POST /api/public/boards/:board/views',
    weight: 100,
    build: () => ({
      method: 'POST',
      path: `/api/public/boards/${DEMO.tenant}/views`,
      headers: json,
      body: JSON.stringify(aView(themes)),
    }),
  };
}

/** A young person's view as the give-view form sends it, on one of `themes`. */
export function aView(themes: readonly string[]): Record<string, unknown> {
  const theme = pick(themes);
  const words = pick(VIEW_WORDS[theme] ?? VIEW_WORDS['participation-and-rights']!).replace('{name}', pick(FIRST_NAMES));
  return {
    text: words,
    themes: [theme],
    ageBand: pick(['12-15', '16-17', '18-21']),
    careStatus: pick(['in-care', 'care-leaver']),
    sharing: pick(['summary-only', 'anonymised', 'verbatim']),
    channel: 'online',
  };
}

/** Draws a kind by weight. */
export function drawer(kinds: readonly RequestKind[]): () => RequestKind {
  const total = kinds.reduce((sum, k) => sum + k.weight, 0);
  return () => {
    let r = Math.random() * total;
    for (const kind of kinds) {
      r -= kind.weight;
      if (r < 0) return kind;
    }
    return kinds[kinds.length - 1]!;
  };
}
