// Puts a realistic board in place through the product's own HTTP API before the load: the board and
// its members, an open call for views, young people's views (moderated: accepted, some with a name
// redacted), meetings held with agenda items, views tabled and considered, decisions citing them,
// actions with progress, answers to young people, minutes approved and published, and one meeting
// still to come. Reads under load then return real content, and receipt checks real journeys.
import { FIRST_NAMES, VIEW_WORDS } from '../../libs/demo/src/board-year/board-year.words.js';
import type { JsonClient } from './http.js';

export const DEMO = { tenant: 'northshire', password: 'demo-board-2026' } as const;
const email = (who: string): string => `${who}@northshire.example`;

export interface SeedShape {
  /** Views young people give before the run (all accepted by moderation). */
  readonly views: number;
  /** Meetings held (the next one approves the last one's minutes); one more is still to come. */
  readonly meetingsHeld: number;
}

export interface SeededBoard {
  readonly meetingIds: readonly string[];
  /** One meeting of each held (with its decision items) and the one to come. */
  readonly heldMeetingIds: readonly string[];
  readonly decisionIds: readonly string[];
  /** Decisions citing views (what auditors and "how did views shape this" read). */
  readonly decisionsCitingViews: readonly string[];
  readonly receiptCodes: readonly string[];
  readonly callId: string;
  /** The theme codes young people write about. */
  readonly themes: readonly string[];
  readonly counts: Record<string, number>;
}

interface Item {
  readonly itemId: string;
  readonly themes: readonly string[];
  readonly purpose: 'decision' | 'information';
}

const AGE_BANDS = ['8-11', '12-15', '16-17', '18-21', '22-25'] as const;
const SHARING = ['summary-only', 'anonymised', 'verbatim'] as const;
const INFLUENCE = ['shaped', 'informed', 'considered-not-adopted'] as const;

/** A London calendar date `days` from today (YYYY-MM-DD). */
export function londonDate(days = 0): string {
  const at = new Date(Date.now() + days * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(at);
}

export async function seedBoard(api: JsonClient, shape: SeedShape, log: (line: string) => void): Promise<SeededBoard> {
  const counts: Record<string, number> = { views: 0, accepted: 0, tabled: 0, considered: 0, decisions: 0 };
  Object.assign(counts, { actions: 0, progressNotes: 0, feedback: 0, meetings: 0, agendaItems: 0 });
  const sign = (who: string) => api.signIn(email(who), DEMO.password, DEMO.tenant);
  const clerk = await sign('clerk');
  const chair = await sign('chair');
  const moderator = await sign('moderator');
  const officer = await sign('officer');

  // 1. The board and its members.
  await api.put(
    '/api/board',
    {
      name: 'Northshire Corporate Parenting Board',
      council: 'Northshire County Council',
      jurisdiction: 'england',
      quorum: 3,
      termsOfReference: 'Holds the council to its duties as corporate parent, with children in care.',
    },
    clerk,
  );
  type Board = { configured: boolean; themes: Array<{ code: string }>; principles: Array<{ code: string }> };
  let board: Board = { configured: false, themes: [], principles: [] };
  await api.until('the board configured (its read model)', async () => {
    board = await api.get<Board>('/api/board', clerk);
    return board.configured && board.themes.length > 0;
  });
  const boardThemes = new Set(board.themes.map((t) => t.code));
  const themes = Object.keys(VIEW_WORDS).filter((code) => boardThemes.has(code));
  const principles = board.principles.map((p) => p.code);
  const members: Array<{ memberId: string; role: string }> = [];
  for (const [name, role] of [
    ['Cllr Priya Shah', 'chair'],
    ['Cllr Tom Evans', 'councillor'],
    ['Cllr Carys Hughes', 'councillor'],
    ['Dana Okafor', 'officer'],
    ['Jordan', 'young-person-representative'],
  ] as const) {
    const { memberId } = await api.post<{ memberId: string }>(
      '/api/board/members',
      { name, role, appointedOn: londonDate(-200) },
      clerk,
    );
    members.push({ memberId, role });
  }
  const [officerUser] = await api.get<Array<{ userId: string; displayName: string }>>('/api/staff/officers', clerk);

  // 2. A call for views, and the young people's views (about half answer the call).
  const callThemes = themes.slice(0, 4);
  const { id: callId } = await api.post<{ id: string }>(
    '/api/calls-for-views',
    {
      question: 'What would make moving home or school easier for you?',
      closesOn: londonDate(60),
      themes: callThemes,
    },
    clerk,
  );
  const receiptCodes: string[] = [];
  for (let i = 0; i < shape.views; i += 1) {
    const theme = themes[i % themes.length]!;
    const lines = VIEW_WORDS[theme]!;
    const name = FIRST_NAMES[i % FIRST_NAMES.length]!;
    const template = lines[Math.floor(i / themes.length) % lines.length]!;
    const { receiptCode } = await api.post<{ receiptCode: string }>(`/api/public/boards/${DEMO.tenant}/views`, {
      text: template.replace('{name}', name),
      themes: [theme],
      ageBand: AGE_BANDS[i % AGE_BANDS.length],
      careStatus: i % 3 === 0 ? 'care-leaver' : 'in-care',
      sharing: SHARING[i % SHARING.length],
      channel: 'online',
      ...(callThemes.includes(theme) && i % 2 === 0 ? { target: { kind: 'call', callId } } : {}),
    });
    receiptCodes.push(receiptCode);
    counts.views! += 1;
  }

  // 3. Moderation: every view accepted, a name redacted where one was given.
  type Queued = { contributionId: string; text: string | null };
  let queue: Queued[] = [];
  await api.until(`${shape.views} views in the moderation queue`, async () => {
    queue = await api.get<Queued[]>('/api/moderation/queue', moderator);
    return queue.length >= shape.views;
  });
  const viewThemes = new Map<string, string>();
  for (const view of queue) {
    const name = FIRST_NAMES.find((n) => view.text?.includes(` ${n} `));
    if (name) {
      await api.post(
        `/api/moderation/views/${view.contributionId}/accept-with-redactions`,
        { redactedText: view.text!.replace(` ${name} `, ' [name] ') },
        moderator,
      );
    } else {
      await api.post(`/api/moderation/views/${view.contributionId}/accept`, {}, moderator);
    }
    counts.accepted! += 1;
  }
  // A view shared "summary only" is tabled by its summary, which the moderator writes (issue 18).
  const summaryOnly = Array.from({ length: shape.views }, (_, i) => SHARING[i % SHARING.length]).filter(
    (sharing) => sharing === 'summary-only',
  ).length;
  let toSummarise: Array<{ contributionId: string }> = [];
  await api.until(`${summaryOnly} views to summarise`, async () => {
    toSummarise = await api.get<Array<{ contributionId: string }>>('/api/moderation/summaries', moderator);
    return toSummarise.length >= summaryOnly;
  });
  for (const view of toSummarise) {
    await api.post(
      `/api/moderation/views/${view.contributionId}/summary`,
      { text: 'The young person wants the board to listen and to act on what they said.' },
      moderator,
    );
  }
  type Ready = { contributionId: string; themes: string[] };
  await api.until('the accepted views ready to table', async () => {
    const ready = await api.get<Ready[]>('/api/views/ready-to-table', clerk);
    for (const view of ready) viewThemes.set(view.contributionId, view.themes[0] ?? '');
    return ready.length >= counts.accepted!;
  });
  const untabled = new Set(viewThemes.keys());

  // 4. The meetings held, in order: each approves the last one's minutes, which are then published.
  const meetingIds: string[] = [];
  const decisionIds: string[] = [];
  const decisionsCitingViews: string[] = [];
  const attendance = members.map(({ memberId }, i) => ({ memberId, status: i === 2 ? 'apologies' : 'present' }));
  let previous: string | undefined;
  for (let q = 0; q < shape.meetingsHeld; q += 1) {
    // Held now, on its own day (a meeting opens on its day, not before): called at short notice, for
    // a start a couple of minutes away, its agenda published at once with the chair's urgency reason.
    const meetingId = await scheduleMeeting(api, clerk, `Corporate Parenting Board, meeting ${q + 1}`, 0);
    meetingIds.push(meetingId);
    counts.meetings! += 1;
    const itemThemes = [0, 1].map((k) => [
      themes[(q * 4 + 2 * k) % themes.length]!,
      themes[(q * 4 + 2 * k + 1) % themes.length]!,
    ]);
    const items: Item[] = [];
    for (const [k, its] of itemThemes.entries()) {
      items.push(
        await addItem(
          api,
          clerk,
          meetingId,
          `Report ${q + 1}.${k + 1}: ${its.join(' and ')}`,
          its,
          principles,
          'decision',
        ),
      );
    }
    items.push(await addItem(api, clerk, meetingId, `Performance figures, quarter ${q + 1}`, [], [], 'information'));
    counts.agendaItems! += items.length;
    await api.post(
      `/api/meetings/${meetingId}/publish-agenda`,
      { urgencyReason: 'A load test: the board meets the day it is called.' },
      chair,
    );
    const tabled = new Map<string, string[]>();
    for (const item of items.filter((i) => i.purpose === 'decision')) {
      const ids = [...untabled].filter((id) => item.themes.includes(viewThemes.get(id)!));
      if (ids.length === 0) continue;
      await api.post(`/api/meetings/${meetingId}/agenda-items/${item.itemId}/views`, { contributionIds: ids }, clerk);
      for (const id of ids) untabled.delete(id);
      tabled.set(item.itemId, ids);
      counts.tabled! += ids.length;
    }
    await api.post(`/api/meetings/${meetingId}/open`, { attendance }, chair);
    await api.post(`/api/meetings/${meetingId}/minutes`, { itemId: 'apologies', text: 'Apologies were noted.' }, clerk);
    if (previous) {
      const approval = await api.post<{ decisionId: string }>(
        `/api/meetings/${meetingId}/approve-minutes-of/${previous}`,
        {},
        chair,
      );
      decisionIds.push(approval.decisionId);
      counts.decisions! += 1;
    }
    for (const item of items) {
      const ids = tabled.get(item.itemId) ?? [];
      if (ids.length > 0) {
        await api.post(
          `/api/meetings/${meetingId}/agenda-items/${item.itemId}/views/considered`,
          { contributionIds: ids },
          clerk,
        );
        counts.considered! += ids.length;
      }
      await api.post(
        `/api/meetings/${meetingId}/minutes`,
        { itemId: item.itemId, text: `The board discussed the report and ${ids.length} views from young people.` },
        clerk,
      );
      const cited = ids.slice(0, 6);
      const { decisionId } = await api.post<{ decisionId: string }>(
        `/api/meetings/${meetingId}/agenda-items/${item.itemId}/decisions`,
        {
          resolution:
            item.purpose === 'information'
              ? 'The board noted the performance figures.'
              : `The council will act on what young people told us about ${item.themes.join(' and ')}.`,
          kind: item.purpose === 'information' ? 'noted' : 'resolution',
          reached: q % 2 === 0 ? { method: 'consensus' } : { method: 'vote', for: 3, against: 0, abstain: 1 },
          reasons: cited.length > 0 ? 'Young people told us what mattered to them.' : 'As discussed at the meeting.',
          themes: item.themes,
          principles: item.purpose === 'decision' ? principles.slice(0, 2) : [],
          voiceEvidence:
            cited.length > 0
              ? {
                  contributions: cited.map((contributionId, i) => ({
                    contributionId,
                    influence: INFLUENCE[i % INFLUENCE.length],
                    rationale: 'What you told us changed what we asked the council to do.',
                  })),
                }
              : { noneApplied: { reason: 'Performance figures only: no views were sought.' } },
        },
        chair,
      );
      decisionIds.push(decisionId);
      counts.decisions! += 1;
      if (cited.length === 0) continue;
      decisionsCitingViews.push(decisionId);
      const actionIds: string[] = [];
      for (const [a, owner] of [
        officerUser ? { officer: { id: officerUser.userId, name: officerUser.displayName } } : undefined,
        { memberId: members[0]!.memberId },
      ].entries()) {
        if (!owner) continue;
        const { actionId } = await api.post<{ actionId: string }>(
          `/api/decisions/${decisionId}/actions`,
          {
            description: `Report back to the board and the Children in Care Council (${a + 1})`,
            owner,
            dueOn: londonDate(60 + 30 * a),
          },
          chair,
        );
        actionIds.push(actionId);
        counts.actions! += 1;
        if ('officer' in owner) {
          await api.post(`/api/actions/${actionId}/progress`, { note: 'Work is under way.' }, officer);
          counts.progressNotes! += 1;
        }
      }
      await api.post(
        '/api/views/feedback',
        {
          contributionIds: cited,
          text: 'You told us moving was hard. The board has asked the council to give you more notice and a say.',
          decisionIds: [decisionId],
          actionIds,
        },
        clerk,
      );
      counts.feedback! += cited.length;
    }
    await api.post(`/api/meetings/${meetingId}/close`, {}, chair);
    await api.post(`/api/meetings/${meetingId}/minutes/draft`, {}, clerk);
    if (previous) await api.post(`/api/meetings/${previous}/minutes/publish`, {}, chair);
    previous = meetingId;
  }
  const heldMeetingIds = [...meetingIds];

  // 5. The next meeting: agenda published, not yet held.
  const next = await scheduleMeeting(api, clerk, 'Corporate Parenting Board, next meeting', 35);
  for (const [k, its] of [themes.slice(0, 2), themes.slice(2, 4)].entries()) {
    await addItem(api, clerk, next, `Next report ${k + 1}: ${its.join(' and ')}`, its, principles, 'decision');
  }
  await api.post(`/api/meetings/${next}/publish-agenda`, {}, chair);
  meetingIds.push(next);
  counts.meetings! += 1;
  log(`seeded: ${JSON.stringify(counts)}`);
  return { meetingIds, heldMeetingIds, decisionIds, decisionsCitingViews, receiptCodes, callId, themes, counts };
}

/** In `inDays` days at 17:30; today (0): two minutes from now (run the seed before 23:55 London time). */
async function scheduleMeeting(api: JsonClient, clerk: string, title: string, inDays: number): Promise<string> {
  const soon = Date.now() + 2 * 60_000;
  const startsAt = inDays === 0 ? new Date(soon).toISOString() : `${londonDate(inDays)}T17:30:00Z`;
  const endsAt = inDays === 0 ? new Date(soon + 2 * 3_600_000).toISOString() : `${londonDate(inDays)}T19:30:00Z`;
  const { meetingId } = await api.post<{ meetingId: string }>(
    '/api/meetings',
    { title, startsAt, endsAt, place: 'Council Chamber, County Hall' },
    clerk,
  );
  return meetingId;
}

async function addItem(
  api: JsonClient,
  clerk: string,
  meetingId: string,
  title: string,
  themes: readonly string[],
  principles: readonly string[],
  purpose: Item['purpose'],
): Promise<Item> {
  const { itemId } = await api.post<{ itemId: string }>(
    `/api/meetings/${meetingId}/agenda-items`,
    {
      title,
      purpose,
      lead: 'Director of Children’s Services',
      themes,
      principles: principles.slice(0, 2),
      papers: [{ title, link: `https://papers.northshire.example/${meetingId}/${encodeURIComponent(title)}.pdf` }],
      restricted: false,
    },
    clerk,
  );
  return { itemId, themes, purpose };
}
