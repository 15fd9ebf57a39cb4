// The insight read models against a year of a board (both contexts, through the real deciders), on
// SQLite and PostgreSQL. Expected figures come from the scenario's own tally, never from the events.
import { listParked, replayAsAt, type Position } from '#event-store';
import { insightTables } from './read-models-at.js';
import { readDecisionInfluence } from './decision-influence/get-decision-influence.query.js';
import { READ_DATABASES, projectBoardYears, type ProjectedYears } from './insight.test-harness.js';
import { readTabledViews } from './tabled-views/get-tabled-views.query.js';
import { viewReference } from '#voice/contracts';
import { readViewJourney } from './view-journey/get-view-journey.query.js';
import { readVoiceImpact } from './voice-impact/get-voice-impact.query.js';
import { readYouSaidWeDid } from './you-said-we-did/get-you-said-we-did.query.js';
import { voiceInfluenceProjection } from './voice-influence.projection.js';

describe.each(READ_DATABASES)('insight read models on %s', (kind) => {
  let p: ProjectedYears;
  beforeAll(async () => {
    p = await projectBoardYears(kind);
  }, 180_000);
  afterAll(async () => p?.close());

  const north = () => p.north;
  const facts = () => p.north.facts;
  const live = () => facts().views.list.filter((v) => v.withheldBy === undefined);
  const endOfYear = () => new Date(`${north().endOn}T23:59:59Z`);

  it('projects both years without parking an event', async () => {
    expect(await listParked(p.db, voiceInfluenceProjection.name)).toEqual([]);
  });

  describe('decision influence', () => {
    it('groups every cited view by its influence, as the board recorded it', async () => {
      for (const decision of facts().decisions.list.filter((d) => d.citations > 0)) {
        const influence = (await readDecisionInfluence(p.tables, north().tenantId, decision.decisionId))!;
        const cited = facts().views.list.filter((v) => v.citedBy.some((c) => c.decisionId === decision.decisionId));
        for (const level of ['shaped', 'informed', 'considered-not-adopted'] as const) {
          const expected = cited
            .filter((v) => v.citedBy.find((c) => c.decisionId === decision.decisionId)!.influence === level)
            .map((v) => v.contributionId)
            .sort();
          expect(influence.influence[level].map((v) => v.contributionId).sort()).toEqual(expected);
        }
        expect(influence.noViewsReason).toBeUndefined();
        for (const view of Object.values(influence.influence).flat()) expect(view.rationale.length).toBeGreaterThan(0);
      }
    });

    it('shows words only as their authors allowed, and never those of a withdrawn or erased view', async () => {
      let withWords = 0;
      let withoutWords = 0;
      for (const decision of facts().decisions.list.filter((d) => d.citations > 0)) {
        const influence = (await readDecisionInfluence(p.tables, north().tenantId, decision.decisionId))!;
        for (const cited of Object.values(influence.influence).flat()) {
          const record = facts().views.list.find((v) => v.contributionId === cited.contributionId)!;
          if (record.withdrawnAt) {
            expect(cited).toMatchObject({ availability: 'withdrawn', note: 'A view later withdrawn by its author.' });
            expect(cited.words).toBeUndefined();
          } else if (record.erasedAt) {
            expect(cited.availability).toBe('erased');
            expect(cited.words).toBeUndefined();
          } else if (record.sharing === 'summary-only') {
            // The board reads the moderator's summary instead (every summary-only view is summarised
            // before it is tabled in the scenario), never the words.
            expect(cited.words).toBeUndefined();
            expect(typeof cited.summary).toBe('string');
            withoutWords += 1;
          } else {
            expect(typeof cited.words).toBe('string');
            expect(cited.summary).toBeUndefined();
            withWords += 1;
          }
        }
      }
      // The scenario has both kinds, and the view withdrawn after citation is among the cited.
      expect(withWords).toBeGreaterThan(0);
      expect(withoutWords).toBeGreaterThan(0);
      const withdrawn = north().views.withdrawnAfterCitation!;
      expect(facts().views.list.find((v) => v.contributionId === withdrawn)!.citedBy.length).toBeGreaterThan(0);
    });

    it('gives the reason when no views applied, and nothing for another board’s decision', async () => {
      const noted = (await readDecisionInfluence(p.tables, north().tenantId, north().decisions.noneApplied!))!;
      expect(noted.noViewsReason).toEqual(expect.any(String));
      expect(Object.values(noted.influence).flat()).toEqual([]);
      expect(await readDecisionInfluence(p.tables, north().tenantId, p.south.decisions.all[0]!)).toBeUndefined();
      expect(await readDecisionInfluence(p.tables, north().tenantId, 'no-such-decision')).toBeUndefined();
    });

    it('marks the amended decision', async () => {
      const amended = (await readDecisionInfluence(p.tables, north().tenantId, north().decisions.amended!))!;
      expect(amended.status).toBe('amended');
    });
  });

  describe('a view’s journey', () => {
    it('follows a cited view from submission to feedback, in order, without its words', async () => {
      const view = facts().views.list.find((v) => v.citedBy.length > 0 && v.feedback && !v.withdrawnAt && !v.erasedAt)!;
      const journey = (await readViewJourney(p.tables, north().tenantId, view.contributionId))!;
      const steps = journey.steps.map((s) => s.step);
      for (const step of ['submitted', 'tabled', 'considered', 'cited', 'feedback']) expect(steps).toContain(step);
      expect(steps.indexOf('submitted')).toBe(0);
      expect(steps.indexOf('tabled')).toBeLessThan(steps.indexOf('cited'));
      expect(steps.indexOf('cited')).toBeLessThan(steps.indexOf('feedback'));
      expect(journey.citedBy.map((c) => c.decisionId).sort()).toEqual(view.citedBy.map((c) => c.decisionId).sort());
      expect(journey.feedback.map((f) => f.feedbackId)).toContain(view.feedback!.feedbackId);
      const decision = facts().decisions.list.find((d) => d.decisionId === view.citedBy[0]!.decisionId)!;
      expect(journey.actions.map((a) => a.actionId).sort()).toEqual(
        expect.arrayContaining([...decision.actionIds].sort()),
      );
      expect(JSON.stringify(journey)).not.toMatch(/"words"|"text":"I /);
    });

    it('says only "withheld" of a view withheld for safeguarding', async () => {
      for (const id of [north().views.flaggedByScreen!, north().views.escalatedByModerator!]) {
        const journey = (await readViewJourney(p.tables, north().tenantId, id))!;
        expect(journey).toEqual({
          contributionId: id,
          availability: 'withheld',
          themes: [],
          steps: [],
          citedBy: [],
          actions: [],
          feedback: [],
        });
      }
    });
  });

  describe('views tabled at an item (the decision picker)', () => {
    it('lists every view tabled at each item, withheld ones only counted, words only as shared', async () => {
      let listed = 0;
      for (const meeting of north().meetings) {
        for (const itemId of meeting.itemIds) {
          const tabled = await readTabledViews(p.tables, north().tenantId, meeting.meetingId, itemId);
          const here = facts().views.list.filter(
            (v) => v.tabledAt?.meetingId === meeting.meetingId && v.tabledAt.itemId === itemId,
          );
          const expected = here.filter((v) => v.withheldBy === undefined).map((v) => v.contributionId);
          expect(tabled.views.map((v) => v.contributionId).sort()).toEqual(expected.sort());
          expect(tabled.withheld).toBe(here.length - expected.length);
          for (const view of tabled.views) {
            const record = here.find((v) => v.contributionId === view.contributionId)!;
            // Its short reference is its place in the order the board's views arrived.
            const arrival = facts().views.list.indexOf(record) + 1;
            expect(view.reference).toBe(viewReference(arrival));
            if (record.sharing === 'summary-only' || record.withdrawnAt || record.erasedAt) {
              expect(view.words).toBeUndefined();
            }
            if (record.withdrawnAt || record.erasedAt) expect(view.summary).toBeUndefined();
            else if (record.sharing === 'summary-only') expect(typeof view.summary).toBe('string');
          }
          listed += tabled.views.length;
        }
      }
      expect(listed).toBe(facts().views.list.filter((v) => v.tabledAt && v.withheldBy === undefined).length);
      expect(listed).toBeGreaterThan(0);
    });
  });

  describe('You said, we did by theme', () => {
    it('counts the views of each theme (withheld ones never), with quotes only from those who shared', async () => {
      const story = await readYouSaidWeDid(p.tables, north().tenantId, {}, north().endOn);
      const expected: Record<string, number> = {};
      for (const view of live()) for (const theme of view.themes) expected[theme] = (expected[theme] ?? 0) + 1;
      expect(Object.fromEntries(story.themes.map((t) => [t.theme, t.views]))).toEqual(expected);
      for (const theme of story.themes) {
        for (const quote of theme.quotes) {
          const record = facts().views.list.find((v) => v.contributionId === quote.contributionId)!;
          expect(record.sharing).not.toBe('summary-only');
          expect(record.withdrawnAt ?? record.erasedAt ?? record.withheldBy).toBeUndefined();
        }
        expect(theme.answered + theme.open).toBeLessThanOrEqual(theme.views);
      }
      expect(story.themes.some((t) => t.quotes.length > 0)).toBe(true);
      expect(story.themes.some((t) => t.decisions.length > 0)).toBe(true);
    });
  });

  describe('voice impact', () => {
    it('gives the year’s figures as the scenario tallied them', async () => {
      const impact = await readVoiceImpact(p.tables, north().tenantId, {}, endOfYear(), north().endOn);
      const f = facts();
      expect(impact.decisions.total).toBe(f.decisions.total);
      expect(impact.decisions.withVoiceEvidence).toBe(f.decisions.withVoiceEvidence);
      expect(impact.withheld).toBe(f.views.withheld);
      expect(impact.overdueActions).toBe(f.actions.overdue);
      expect(impact.waiting.count).toBe(f.views.waitingForAnswer);
      expect(impact.medianDaysToFeedback).toBeCloseTo(f.feedback.medianDaysToFeedback!, 0);
      expect(impact.series.daysToFeedback).toHaveLength(f.feedback.viewsAnswered);
      const byTheme = impact.series.viewsByThemeAndMonth.reduce((sum, r) => sum + r.views, 0);
      expect(byTheme).toBe(live().reduce((sum, v) => sum + v.themes.length, 0));
    });

    it('names the themes raised that no decision or answer acted on', async () => {
      const impact = await readVoiceImpact(p.tables, north().tenantId, {}, endOfYear(), north().endOn);
      const acted = new Map<string, boolean>();
      for (const view of live()) {
        const did = view.citedBy.length > 0 || view.feedback !== undefined;
        for (const theme of view.themes) acted.set(theme, (acted.get(theme) ?? false) || did);
      }
      const never = [...acted]
        .filter(([, did]) => !did)
        .map(([theme]) => theme)
        .sort();
      expect(impact.themesNeverActedOn).toEqual(never);
    });

    it('counts a period only', async () => {
      const from = north().meetings[1]!.on;
      const impact = await readVoiceImpact(p.tables, north().tenantId, { from }, endOfYear(), north().endOn);
      const expected = facts().decisions.list.filter((d) => d.at.slice(0, 10) >= from).length;
      expect(impact.decisions.total).toBe(expected);
      expect(impact.decisions.total).toBeLessThan(facts().decisions.total);
    });

    it('keeps the other board apart', async () => {
      const south = await readVoiceImpact(p.tables, p.south.tenantId, {}, endOfYear(), p.south.endOn);
      expect(south.decisions.total).toBe(p.south.facts.decisions.total);
    });
  });

  describe('as at a past moment', () => {
    it('a replay up to the head answers exactly as the live tables', async () => {
      const head = (await p.store.headPosition())!;
      const scratch = await replayAsAt(p.store, [voiceInfluenceProjection], { position: head });
      try {
        const then = await insightTables(scratch.db);
        const now = endOfYear();
        expect(await readVoiceImpact(then, north().tenantId, {}, now, north().endOn)).toEqual(
          await readVoiceImpact(p.tables, north().tenantId, {}, now, north().endOn),
        );
        const decision = facts().decisions.list.find((d) => d.citations > 0)!.decisionId;
        expect(await readDecisionInfluence(then, north().tenantId, decision)).toEqual(
          await readDecisionInfluence(p.tables, north().tenantId, decision),
        );
      } finally {
        await scratch.close();
      }
    });

    it('a replay reads only the events its projection wants, not the whole log', async () => {
      const head = (await p.store.headPosition())!;
      let read = 0;
      const counting = Object.create(p.store) as typeof p.store;
      counting.readAll = async (options) => {
        const page = await p.store.readAll(options);
        read += page.length;
        return page;
      };
      const scratch = await replayAsAt(counting, [voiceInfluenceProjection], { position: head });
      try {
        let whole = 0;
        for (let after: Position | undefined; ;) {
          const page = await p.store.readAll({ after, maxCount: 1_000 });
          if (page.length === 0) break;
          whole += page.length;
          after = page.at(-1)!.position;
        }
        // Every event read was applied: none was read only to be skipped.
        expect(read).toBe(scratch.eventsApplied);
        expect(read).toBeLessThan(whole);
      } finally {
        await scratch.close();
      }
    });

    it('a replay up to a moment knows only the decisions recorded by then', async () => {
      const moment = new Date(`${north().meetings[1]!.on}T23:59:00Z`);
      const scratch = await replayAsAt(p.store, [voiceInfluenceProjection], { recordedAt: moment });
      try {
        const impact = await readVoiceImpact(
          await insightTables(scratch.db),
          north().tenantId,
          {},
          moment,
          north().endOn,
        );
        const expected = facts().decisions.list.filter((d) => Date.parse(d.at) <= moment.getTime()).length;
        expect(impact.decisions.total).toBe(expected);
        expect(expected).toBeGreaterThan(0);
        expect(expected).toBeLessThan(facts().decisions.total);
      } finally {
        await scratch.close();
      }
    });
  });
});
