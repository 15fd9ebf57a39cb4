import { EVENT_STORE, type EventStore } from '#event-store';
import type { HttpResponse, TestApp } from '../support/test-app.js';

export const NORTHSHIRE_ROLES = ['admin', 'clerk', 'chair', 'member', 'officer', 'auditor', 'moderator'] as const;
export type Role = (typeof NORTHSHIRE_ROLES)[number];

/** Signed-in callers for the governance tests: one per demo role, and a clerk and chair of another board. */
export class Callers {
  private readonly tokens = new Map<string, string>();

  constructor(
    private readonly t: TestApp,
    private readonly other: { slug: string; password: string },
  ) {}

  /** Signs everyone in again: tokens last 15 minutes of the fixed clock, so call this after moving it. */
  async signInAll(): Promise<void> {
    for (const role of NORTHSHIRE_ROLES) this.tokens.set(role, await this.t.signIn(`${role}@northshire.example`));
    for (const role of ['clerk', 'chair']) {
      const email = `${role}@${this.other.slug}.example`;
      this.tokens.set(`other-${role}`, await this.t.signIn(email, this.other.password, this.other.slug));
    }
  }

  token(who: Role | 'other-clerk' | 'other-chair'): string {
    const token = this.tokens.get(who);
    if (!token) throw new Error(`no token for ${who}: call signInAll first`);
    return token;
  }
}

/** Counts a stream's events: a refused request must leave the count as it was. */
export async function streamLength(t: TestApp, stream: string): Promise<number> {
  return (await t.app.get<EventStore>(EVENT_STORE).readStream(stream)).length;
}

export async function streamEvents(
  t: TestApp,
  stream: string,
): Promise<Array<{ type: string; data: Record<string, unknown> }>> {
  const recorded = await t.app.get<EventStore>(EVENT_STORE).readStream(stream);
  return recorded.map((e) => ({ type: e.type, data: e.data as Record<string, unknown> }));
}

/** The distinct fields a 400 problem names, sorted. */
export function fieldsOf(response: HttpResponse): string[] {
  const errors = response.json<{ errors?: Array<{ field: string }> }>().errors ?? [];
  return [...new Set(errors.map((e) => e.field))].sort();
}

/** The rule code of a 422 problem (its type is /problems/<code>). */
export function codeOf(response: HttpResponse): string {
  return response.json<{ type: string }>().type.replace('/problems/', '');
}
