import type { INestApplication } from '@nestjs/common';
import { EVENT_STORE, ProjectionRunner, type EventStore } from '#event-store';
import { londonDateOf } from '#platform';
import { IdentityService } from '#identity';
import { driveBoardYear, type BoardYear, type StaffPart } from '#demo';
import { formatReceiptCode, type ReceiptCode } from '../../../../libs/voice/src/domain/index.js';
import { RECEIPT_PEPPER } from '../../../../libs/voice/src/commands/receipt-pepper.provider.js';

export interface SeededYear {
  readonly meetings: number;
  readonly views: number;
  readonly decisions: number;
  readonly actions: number;
  /** A few young people's receipt codes, to try "Check my view" with: one of each sharing choice. */
  readonly receiptCodes: readonly string[];
}

/**
 * A year of the demo board, ending yesterday, driven through the real deciders of both contexts
 * (meetings, views across themes, moderation, a safeguarding case, decisions citing views, actions,
 * feedback, a withdrawal, an erasure). Only on a board with no history yet: later starts find it.
 */
export async function seedDemoYear(
  app: INestApplication,
  tenantId: string,
  options: { waitForProjections?: boolean } = {},
): Promise<SeededYear | undefined> {
  const store = app.get<EventStore>(EVENT_STORE);
  const [any] = await store.readAll({ filter: { streamPrefixes: [`board-${tenantId}`] }, maxCount: 1 });
  if (any) return undefined;
  const today = londonDateOf(new Date().toISOString());
  const startOn = new Date(Date.parse(`${today}T00:00:00Z`) - 365 * 86_400_000).toISOString().slice(0, 10);
  const year: BoardYear = await driveBoardYear(store, {
    tenantId,
    prefix: 'demo',
    startOn,
    seed: 2026,
    receiptPepper: app.get<string>(RECEIPT_PEPPER, { strict: false }),
    staffIds: await demoStaffIds(app, tenantId),
  });
  // With PROJECTIONS=off a projector process catches up on its own time.
  if (options.waitForProjections ?? true) await app.get(ProjectionRunner).waitForCatchUp({ timeoutMs: 120_000 });
  const answered = year.facts.views.list.filter((v) => v.feedback && !v.withdrawnAt && !v.erasedAt);
  // One view of each sharing choice whose loop closed: tabled, cited by a decision that set actions, and
  // answered (a summary, anonymised words and exact words); failing that, one answered.
  const acted = new Set(year.facts.decisions.list.filter((d) => d.actionIds.length > 0).map((d) => d.decisionId));
  const closed = (v: (typeof answered)[number]): boolean =>
    v.tabledAt !== undefined && v.citedBy.some((c) => acted.has(c.decisionId));
  const eachChoice = (['summary-only', 'anonymised', 'verbatim'] as const)
    .map(
      (sharing) =>
        answered.find((v) => v.sharing === sharing && closed(v)) ?? answered.find((v) => v.sharing === sharing),
    )
    .filter((v) => v !== undefined);
  return {
    meetings: year.meetings.length,
    views: year.facts.views.submitted,
    decisions: year.facts.decisions.total,
    actions: year.facts.actions.assigned,
    receiptCodes: (eachChoice.length > 0 ? eachChoice : answered.slice(0, 2))
      .map((v) => year.receiptCodes[v.contributionId])
      .filter((code): code is string => code !== undefined)
      .map((code) => formatReceiptCode(code as ReceiptCode)),
  };
}

// Who plays each part of the year: the demo's own users, so the auditor's history names them.
const DEMO_PARTS: Record<StaffPart, string> = {
  clerk: 'clerk@northshire.example',
  chair: 'chair@northshire.example',
  moderator: 'moderator@northshire.example',
  lead: 'safeguarding@northshire.example',
  deputy: 'sg-deputy@northshire.example',
  advocate: 'officer@northshire.example',
  participation: 'moderator@northshire.example',
  dpo: 'admin@northshire.example',
};

async function demoStaffIds(app: INestApplication, tenantId: string): Promise<Partial<Record<StaffPart, string>>> {
  const identity = app.get(IdentityService);
  const ids: Partial<Record<StaffPart, string>> = {};
  for (const [part, email] of Object.entries(DEMO_PARTS) as Array<[StaffPart, string]>) {
    const id = await identity.activeUserIdByEmail(tenantId, email);
    if (id) ids[part] = id;
  }
  return ids;
}
