import { EVENT_STORE, type EventStore } from '#event-store';
import { IdentityService, type StaffRole } from '#identity';
import {
  CONTRIBUTION_CITABILITY,
  type AgendaItemRef,
  type ContributionCitability,
  type ContributionCitabilityReader,
} from '../../libs/board/src/contracts/contribution-citability.js';
import { ModerationDeadlineStarter } from '../../libs/voice/src/commands/keep-moderation-deadlines/moderation-deadline-starter.js';
import type { HttpResponse, TestApp } from '../support/test-app.js';

export type Who = StaffRole | `other-${StaffRole}`;

const OTHER = { slug: 'southvale', password: 'southvale-password-1' };

/**
 * Signed-in callers: the demo board's roles, and 'other-<role>' of a second board. Tokens last 15 minutes
 * of the fixed clock, so a token is fetched again once the clock has moved on.
 */
export class Callers {
  private readonly tokens = new Map<Who, { token: string; at: number }>();

  constructor(private readonly t: TestApp) {}

  /** Creates the second board with a chair, clerk and officer. */
  async createOtherBoard(): Promise<void> {
    const identity = this.t.app.get(IdentityService);
    const tenant = await identity.createTenant(OTHER.slug, 'Southvale Corporate Parenting Board');
    for (const role of ['chair', 'clerk', 'officer'] as const) {
      await identity.createStaffUser({
        tenantId: tenant.id,
        email: `${role}@${OTHER.slug}.example`,
        displayName: `Southvale ${role}`,
        password: OTHER.password,
        roles: [role],
      });
    }
  }

  async token(who: Who): Promise<string> {
    const now = this.t.clock.now().getTime();
    const cached = this.tokens.get(who);
    if (cached && now - cached.at < 10 * 60_000 && now >= cached.at) return cached.token;
    const token = who.startsWith('other-')
      ? await this.t.signIn(`${who.slice('other-'.length)}@${OTHER.slug}.example`, OTHER.password, OTHER.slug)
      : await this.t.signIn(`${who === 'safeguarding-lead' ? 'safeguarding' : who}@northshire.example`);
    this.tokens.set(who, { token, at: now });
    return token;
  }

  async me(who: Who): Promise<{ userId: string; tenantId: string }> {
    const response = await this.t.request('GET', '/api/auth/me', { token: await this.token(who) });
    return response.json<{ userId: string; tenantId: string }>();
  }

  /** GET as `who` (no token when who is undefined). */
  async get(who: Who | undefined, path: string): Promise<HttpResponse> {
    const token = who === undefined ? undefined : await this.token(who);
    return this.t.request('GET', path, { token });
  }

  /** POST as `who` (no token when who is undefined). */
  async post(
    who: Who | undefined,
    path: string,
    body: unknown,
    headers: Record<string, string> = {},
  ): Promise<HttpResponse> {
    const token = who === undefined ? undefined : await this.token(who);
    return this.t.request('POST', path, { token, body, headers });
  }
}

/**
 * The voice context's contract, answered from a map (issue 3: "until the voice context exists, define
 * the contract it will answer and test against it"). It replaces the method of the reader the app binds
 * (voice's), on the instance the handlers were given. Answers are per tenant. Asked about an
 * agenda item, it answers that each view was tabled there unless a test said otherwise (`notTabled`).
 */
export class VoiceDouble {
  private readonly answers = new Map<string, ContributionCitability['status']>();
  private readonly untabled = new Set<string>();
  readonly asked: Array<{ tenantId: string; contributionIds: readonly string[]; item?: AgendaItemRef }> = [];

  static install(t: TestApp): VoiceDouble {
    const double = new VoiceDouble();
    const reader = t.app.get<ContributionCitabilityReader>(CONTRIBUTION_CITABILITY);
    reader.citability = async (tenantId, contributionIds, item) => {
      double.asked.push({ tenantId, contributionIds, ...(item ? { item } : {}) });
      return contributionIds.map((contributionId) => ({
        contributionId,
        status: double.answers.get(`${tenantId}/${contributionId}`) ?? 'unknown',
        ...(item ? { tabledAtItem: !double.untabled.has(`${tenantId}/${contributionId}`) } : {}),
      }));
    };
    return double;
  }

  set(tenantId: string, contributionId: string, status: ContributionCitability['status']): void {
    this.answers.set(`${tenantId}/${contributionId}`, status);
  }

  /** This view was tabled at no item the board asks about. */
  notTabled(tenantId: string, contributionId: string): void {
    this.untabled.add(`${tenantId}/${contributionId}`);
  }
}

export function store(t: TestApp): EventStore {
  return t.app.get<EventStore>(EVENT_STORE);
}

/** The store's head: a refused request must leave it where it was (nothing written, on any stream). */
export async function head(t: TestApp): Promise<string | undefined> {
  // Views' moderation deadlines are kept a moment after each view event: let them land first.
  await t.app.get(ModerationDeadlineStarter).waitForIdle();
  return store(t).headPosition();
}

export async function eventTypes(t: TestApp, stream: string): Promise<string[]> {
  return (await store(t).readStream(stream)).map((e) => e.type);
}

/** The distinct fields a 400 problem names, sorted. */
export function fieldsOf(response: HttpResponse): string[] {
  const errors = response.json<{ errors?: Array<{ field: string }> }>().errors ?? [];
  return [...new Set(errors.map((e) => e.field))].sort();
}

/** The rule code of a problem (its type is /problems/<code>). */
export function codeOf(response: HttpResponse): string {
  return response.json<{ type: string }>().type.replace('/problems/', '');
}

/** A decision's body, with no views applied unless told otherwise. */
export function decisionBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    resolution: 'Every child moving placement keeps their school unless they choose otherwise.',
    kind: 'resolution',
    reached: { method: 'vote', for: 3, against: 0, abstain: 0 },
    reasons: 'Young people told us moving school was the hardest part of a move.',
    alternativesRejected: [{ option: 'Review case by case', why: 'Left too many moves unplanned' }],
    themes: ['placement-stability'],
    principles: ['safe-and-stable'],
    voiceEvidence: { noneApplied: { reason: 'A change to reporting only.' } },
    ...overrides,
  };
}

export function citing(
  ...citations: Array<[contributionId: string, influence?: string, rationale?: string]>
): Record<string, unknown> {
  return {
    contributions: citations.map(([contributionId, influence = 'shaped', rationale = 'You told us; we did it.']) => ({
      contributionId,
      influence,
      rationale,
    })),
  };
}
