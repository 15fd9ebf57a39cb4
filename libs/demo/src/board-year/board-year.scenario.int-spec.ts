import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  InMemorySubjectKeyStore,
  isErased,
  mergePolicies,
  PostgresEventStore,
  ProtectedEventStore,
  SqliteEventStore,
  type EventStore,
  type RecordedEvent,
} from '#event-store';
import { BOARD_PERSONAL_DATA } from '#board';
import { VOICE_PERSONAL_DATA } from '#voice';
import { untilVisible } from '../../../event-store/src/conformance/event-store.conformance.js';
import { createTestDatabase } from '../../../testing/src/postgres/test-database.js';
import { actionsOverdueOn } from './board-year.facts.js';
import { driveBoardYear, type BoardYear } from './board-year.scenario.js';
import { appendManyBoardYears } from './many-board-years.js';

const PAGE = 5_000;

/** The whole log, once every append is in sight (PostgreSQL hides them while another file's transaction is open). */
async function everyEvent(store: EventStore): Promise<RecordedEvent[]> {
  await untilVisible(store);
  const all: RecordedEvent[] = [];
  for (;;) {
    const page = await store.readAll({ after: all.at(-1)?.position, maxCount: PAGE });
    all.push(...page);
    if (page.length < PAGE) return all;
  }
}

const countOf = (events: readonly RecordedEvent[], type: string) => events.filter((e) => e.type === type).length;

describe('a year of a Corporate Parenting Board (SQLite)', () => {
  let dir: string;
  const stores: EventStore[] = [];
  const open = (name: string): SqliteEventStore => {
    const store = new SqliteEventStore({ filename: join(dir, `${name}.sqlite`) });
    stores.push(store);
    return store;
  };

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'board-year-'));
  });
  afterAll(async () => {
    for (const store of stores) await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  let year: BoardYear;
  let events: RecordedEvent[];

  beforeAll(async () => {
    const store = open('first');
    const started = performance.now();
    year = await driveBoardYear(store, { tenantId: 'tenant-north', prefix: 'north', seed: 7 });
    const seconds = (performance.now() - started) / 1000;
    events = await everyEvent(store);
    console.log(
      `board year: ${events.length} events, ${year.facts.events.commands} commands, ` +
        `${seconds.toFixed(2)} s (${Math.round(events.length / seconds)} events/s, SQLite file)`,
    );
  });

  it('writes every event it counted, all in the board’s tenant', () => {
    expect(events.length).toBe(year.facts.events.total);
    expect(new Set(events.map((e) => e.metadata.tenantId))).toEqual(new Set(['tenant-north']));
    const byType: Record<string, number> = {};
    for (const event of events) byType[event.type] = (byType[event.type] ?? 0) + 1;
    expect(byType).toEqual(year.facts.events.byType);
  });

  it('tallies views, decisions and citations that match a fold of the events', () => {
    const { facts } = year;
    expect(countOf(events, 'ContributionSubmitted')).toBe(facts.views.submitted);
    expect(facts.views.submitted).toBe(12 * 6 + 4);
    expect(countOf(events, 'DecisionRecorded')).toBe(facts.decisions.total);
    expect(countOf(events, 'ContributionAccepted') + countOf(events, 'ContributionAcceptedWithRedactions')).toBe(
      facts.views.accepted,
    );
    expect(countOf(events, 'ContributionEscalatedForSafeguarding')).toBe(facts.views.withheld);
    expect(countOf(events, 'ContributionSummarised')).toBe(facts.views.summarised);
    expect(countOf(events, 'ContributionSummaryAgreed')).toBe(facts.views.summariesAgreed);
    expect(countOf(events, 'ContributionSummaryChangeRequested')).toBe(facts.views.summaryChangesRequested);
    expect(countOf(events, 'ActionAssigned')).toBe(facts.actions.assigned);

    const recorded = events.filter((e) => e.type === 'DecisionRecorded').map((e) => e.data as DecisionData);
    const citations = recorded.flatMap((d) => d.voiceEvidence.contributions ?? []);
    expect(citations.length).toBe(facts.decisions.citations);
    for (const influence of ['shaped', 'informed', 'considered-not-adopted'] as const) {
      expect(citations.filter((c) => c.influence === influence).length).toBe(
        facts.decisions.citationsByInfluence[influence],
      );
    }
    expect(recorded.filter((d) => d.voiceEvidence.noneApplied).length).toBe(facts.decisions.noneApplied);

    // Views given per theme, from the submissions themselves.
    const byTheme: Record<string, number> = {};
    for (const e of events.filter((e) => e.type === 'ContributionSubmitted')) {
      for (const theme of (e.data as { themes: string[] }).themes) byTheme[theme] = (byTheme[theme] ?? 0) + 1;
    }
    expect(byTheme).toEqual(facts.views.byTheme);

    // One group answer per decision: a feedbackId is shared by the views it answers.
    const feedback = events.filter((e) => e.type === 'ContributionFeedbackRecorded');
    expect(feedback.length).toBe(facts.feedback.viewsAnswered);
    expect(new Set(feedback.map((e) => (e.data as { feedbackId: string }).feedbackId)).size).toBe(
      facts.feedback.responses,
    );
  });

  it('tells the story the brief asks for', () => {
    const { facts, views, decisions, actions } = year;
    expect(year.meetings).toHaveLength(4);
    expect(facts.meetings).toMatchObject({ scheduled: 4, held: 4, minutesApproved: 3, minutesPublished: 3 });
    expect(Object.keys(facts.views.byTheme).length).toBeGreaterThanOrEqual(5);
    expect(facts.views.byChannel.online).toBeGreaterThan(facts.views.submitted / 2);
    expect(Object.keys(facts.views.bySharing).sort()).toEqual(['anonymised', 'summary-only', 'verbatim']);
    expect(facts.views.acceptedWithRedactions).toBeGreaterThan(0);
    expect(facts.views).toMatchObject({ questionsAsked: 1, questionsAnswered: 1, withheldByScreen: 1 });
    expect(facts.views).toMatchObject({ withheldByModerator: 1, withdrawn: 1, erased: 1, sharingChanged: 1 });
    // Views shared "summary only" reach the board as a summary; one is rewritten at its author's request.
    expect(facts.views).toMatchObject({ summaryChangesRequested: 1 });
    expect(facts.views.summarised).toBeGreaterThan(facts.views.bySharing['summary-only']! / 2);
    expect(facts.views.summariesAgreed).toBeGreaterThan(0);
    expect([views.summaryRewritten, views.summaryAgreed].every(Boolean)).toBe(true);
    expect(facts.callsForViews.views).toBeGreaterThanOrEqual(2);
    expect(facts.callsForViews.late).toBe(1);
    expect(facts.safeguarding).toMatchObject({ casesOpened: 2, acknowledged: 2, escalatedToDeputy: 1 });
    expect(facts.safeguarding.outcomes).toEqual({ 'referred-to-front-door': 1, 'advice-given': 1 });
    expect(facts.decisions.withVoiceEvidence).toBeGreaterThan(facts.decisions.noneApplied - facts.decisions.procedural);
    expect(facts.decisions.amended).toBe(1);
    expect(decisions.noneApplied).toBeDefined();
    expect(Object.values(facts.decisions.citationsByInfluence).every((n) => n > 0)).toBe(true);
    expect(facts.actions).toMatchObject({ completed: 1, completedOnTime: 1, cancelled: 1, overdue: 1 });
    expect(facts.actions.open).toBe(facts.actions.assigned - 2);
    expect([actions.completedOnTime, actions.cancelled, actions.overdue].every(Boolean)).toBe(true);
    expect(actionsOverdueOn(facts, facts.asOf).map((a) => a.actionId)).toEqual([actions.overdue]);
    const overdue = facts.actions.list.find((a) => a.actionId === actions.overdue)!;
    expect(actionsOverdueOn(facts, overdue.dueOn).map((a) => a.actionId)).not.toContain(actions.overdue);
    expect(facts.views.waitingForAnswer).toBeGreaterThan(0);
    expect(facts.feedback.medianDaysToFeedback).toBeGreaterThan(0);

    // The withdrawn view was cited before its author took it back, and was never answered.
    const withdrawn = facts.views.list.find((v) => v.contributionId === views.withdrawnAfterCitation)!;
    expect(withdrawn.citedBy.length).toBeGreaterThan(0);
    expect(
      withdrawn.citedBy.every(
        (c) => facts.decisions.list.find((d) => d.decisionId === c.decisionId)!.at < withdrawn.withdrawnAt!,
      ),
    ).toBe(true);
    expect(withdrawn.feedback).toBeUndefined();

    // No withheld view ever reaches a meeting or a decision.
    const withheld = facts.views.list.filter((v) => v.withheldBy);
    expect(withheld.every((v) => v.tabledAt === undefined && v.citedBy.length === 0)).toBe(true);
  });

  it('gives the same year for the same seed, and another for another seed', async () => {
    const again = open('again');
    const second = await driveBoardYear(again, { tenantId: 'tenant-north', prefix: 'north', seed: 7 });
    const shape = (all: readonly RecordedEvent[]) => all.map((e) => `${e.type} ${e.stream}`);
    expect(shape(await everyEvent(again))).toEqual(shape(events));
    expect(second.facts).toEqual(year.facts);
    expect(second.receiptCodes).toEqual(year.receiptCodes);

    const other = await driveBoardYear(open('other'), { tenantId: 'tenant-north', prefix: 'north', seed: 8 });
    expect(other.facts.views.byChannel).not.toEqual(year.facts.views.byChannel);
  });

  it('erases the erased view’s words for good when the store seals personal data', async () => {
    const keys = new InMemorySubjectKeyStore();
    const store = new ProtectedEventStore({
      store: open('protected'),
      keys,
      policy: mergePolicies(BOARD_PERSONAL_DATA, VOICE_PERSONAL_DATA),
    });
    const sealed = await driveBoardYear(store, { tenantId: 'tenant-south', prefix: 'south', viewsPerMonth: 3 });
    expect(sealed.facts.keysDestroyed).toBe(1);
    const submitted = (await store.readStream(`contribution-${sealed.views.erased}`))[0]!;
    expect(isErased((submitted.data as { text: unknown }).text)).toBe(true);
    const kept = (await store.readStream(`contribution-${sealed.views.all[0]}`))[0]!;
    expect(typeof (kept.data as { text: unknown }).text).toBe('string');
  });

  it('appends many boards’ years into one store, each in its own tenant', async () => {
    const store = open('many');
    const result = await appendManyBoardYears(store, { tenants: 2, prefix: 'bulk', viewsPerMonth: 2 });
    const all = await everyEvent(store);
    expect(result.events).toBe(all.length);
    expect(new Set(all.map((e) => e.metadata.tenantId)).size).toBe(2);
  });

  it('clones a driven year as other boards’, each with its own tenant, ids and erased subject', async () => {
    const store = open('clones');
    const result = await appendManyBoardYears(store, {
      tenants: 3,
      prefix: 'copy',
      viewsPerMonth: 2,
      mode: 'clone',
      templates: 1,
    });
    const all = await everyEvent(store);
    expect(result.events).toBe(all.length);
    const of = (tenantId: string) => all.filter((e) => e.metadata.tenantId === tenantId);
    const [driven, cloned] = [of('copy-t0'), of('copy-t2')];
    expect(cloned.map((e) => e.type)).toEqual(driven.map((e) => e.type));
    const renamed = (stream: string) => stream.replace('copy0-', 'copy2-').replace('board-copy-t0', 'board-copy-t2');
    expect(cloned.map((e) => e.stream)).toEqual(driven.map((e) => renamed(e.stream)));
    expect(cloned.every((e) => !JSON.stringify(e.data).includes('copy0'))).toBe(true);
    const erased = cloned.find((e) => e.type === 'ContributionErased')!.data as { subject: string };
    expect(erased.subject).toMatch(/^yp:copy2-/);
    expect(new Set(cloned.map((e) => e.metadata.commandId)).size).toBe(
      new Set(driven.map((e) => e.metadata.commandId)).size,
    );
  });
});

interface DecisionData {
  voiceEvidence: {
    contributions?: Array<{ contributionId: string; influence: 'shaped' | 'informed' | 'considered-not-adopted' }>;
    noneApplied?: { reason: string };
  };
}

describe('a year of a Corporate Parenting Board (PostgreSQL)', () => {
  let db: { url: string; drop: () => Promise<void> };
  let store: PostgresEventStore;

  beforeAll(async () => {
    db = await createTestDatabase('board_year');
    store = await PostgresEventStore.connect({ connectionString: db.url });
  });
  afterAll(async () => {
    await store?.close();
    await db?.drop();
  });

  it('drives the same year as on SQLite, with counts that match a fold of the events', async () => {
    const started = performance.now();
    const year = await driveBoardYear(store, { tenantId: 'tenant-pg', prefix: 'pg', seed: 7 });
    const seconds = (performance.now() - started) / 1000;
    const events = await everyEvent(store);
    console.log(`board year on PostgreSQL: ${events.length} events in ${seconds.toFixed(2)} s`);
    expect(events.length).toBe(year.facts.events.total);
    expect(countOf(events, 'ContributionSubmitted')).toBe(year.facts.views.submitted);
    expect(countOf(events, 'DecisionRecorded')).toBe(year.facts.decisions.total);
    expect(countOf(events, 'ContributionFeedbackRecorded')).toBe(year.facts.feedback.viewsAnswered);
  });

  it('writes several boards at once without losing or mixing an event', async () => {
    const before = (await everyEvent(store)).length;
    const result = await appendManyBoardYears(store, {
      tenants: 4,
      prefix: 'pgmany',
      viewsPerMonth: 2,
      concurrency: 2,
      mode: 'clone',
      templates: 2,
    });
    const all = (await everyEvent(store)).slice(before);
    expect(all.length).toBe(result.events);
    expect(result.tenantIds).toEqual(['pgmany-t0', 'pgmany-t1', 'pgmany-t2', 'pgmany-t3']);
    for (const tenantId of result.tenantIds) {
      const own = all.filter((e) => e.metadata.tenantId === tenantId);
      expect(own.length).toBeGreaterThan(0);
      expect(own.every((e) => e.stream.includes(tenantId) || e.stream.includes(tenantId.replace('-t', '')))).toBe(true);
    }
  });
});
