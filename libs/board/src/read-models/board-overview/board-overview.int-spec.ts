import { MEMBER_NAMES } from '../board-history.test-scenario.js';
import {
  clockAt,
  parkedCount,
  projectBoardHistories,
  READ_DATABASES,
  type ProjectedBoards,
} from '../read-model.test-harness.js';
import { boardOverviewProjection } from './board-overview.projection.js';
import { GetBoardOverview, GetBoardOverviewHandler } from './get-board-overview.query.js';

describe.each(READ_DATABASES)('board overview read model on %s', (kind) => {
  let p: ProjectedBoards;
  beforeAll(async () => {
    p = await projectBoardHistories(kind, [boardOverviewProjection]);
  });
  afterAll(async () => p.close());

  const overview = (tenantId: string, today: string) =>
    new GetBoardOverviewHandler(p.db, clockAt(`${today}T12:00:00Z`)).execute(new GetBoardOverview(tenantId));

  it('projects every event without parking any', async () => {
    expect(await parkedCount(p.runner)).toBe(0);
  });

  it('shows the configured board with its themes and principles', async () => {
    const board = await overview(p.north.tenantId, '2026-06-15');
    expect(board).toMatchObject({
      configured: true,
      name: 'north Corporate Parenting Board',
      council: 'north County Council',
      jurisdiction: 'england',
      quorum: 3,
      termsOfReference: 'Holds the council to its duties as corporate parent.',
      configuredAt: '2026-01-05T10:00:00Z',
    });
    expect(board.themes).toHaveLength(13);
    expect(board.themes[0]).toEqual({ code: 'help-and-protection', label: 'Help and protection' });
    expect(board.principles.map((p) => p.code)).toContain('take-views-into-account');
    expect(board.principles).toHaveLength(7);
  });

  it('lists members with roles and every term, serving ones first', async () => {
    const { members } = await overview(p.north.tenantId, '2026-06-15');
    const { chair, councillor, officer, youngPerson, partner } = p.north.members;
    expect(members.map((m) => m.memberId)).toEqual([chair, councillor, officer, partner, youngPerson]);
    expect(members.map((m) => m.currentRole)).toEqual([
      'chair',
      'councillor',
      'officer',
      'co-opted',
      'young-person-representative',
    ]);
    expect(members[0]).toEqual({
      memberId: chair,
      name: MEMBER_NAMES.chair,
      serving: true,
      currentRole: 'chair',
      terms: [{ role: 'chair', appointedOn: '2025-05-20' }],
    });
    expect(members.find((m) => m.memberId === partner)!.terms).toEqual([
      {
        role: 'partner',
        appointedOn: '2025-05-20',
        stoodDownOn: '2026-03-31',
        stoodDownReason: 'Moved to another trust',
      },
      { role: 'co-opted', appointedOn: '2026-04-01' },
    ]);
  });

  it('judges who serves against the clock: between terms the partner is a former member', async () => {
    const { members } = await overview(p.north.tenantId, '2026-03-31');
    const partner = members.find((m) => m.memberId === p.north.members.partner)!;
    expect(partner).toMatchObject({ serving: false, currentRole: undefined });
    expect(members.at(-1)!.memberId).toBe(p.north.members.partner);
  });

  it("never shows another tenant's board", async () => {
    const north = await overview(p.north.tenantId, '2026-06-15');
    const south = await overview(p.south.tenantId, '2026-06-15');
    expect(north.members.every((m) => m.memberId.startsWith('north-'))).toBe(true);
    expect(south.members.every((m) => m.memberId.startsWith('south-'))).toBe(true);
    expect(south.name).toBe('south Corporate Parenting Board');
    expect(await overview('tenant-without-board', '2026-06-15')).toEqual({
      configured: false,
      themes: [],
      principles: [],
      members: [],
    });
  });
});
