import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import {
  handleCommand,
  isErased,
  MasterKey,
  ProtectedEventStore,
  SqliteEventStore,
  SqliteSubjectKeyStore,
  type CommandContext,
} from '#event-store';
import {
  contributionDecider,
  contributionStream,
  type ContributionCommand,
} from '../../libs/voice/src/domain/index.js';
import { VOICE_PERSONAL_DATA } from '../../libs/voice/src/personal-data.policy.js';
import { SubjectKeyShredder } from '../../libs/voice/src/commands/erase-view/subject-key-shredder.js';
import { SafeguardingCaseOpener } from '../../libs/voice/src/commands/run-safeguarding-case/safeguarding-case-opener.js';
import type { SafeguardingLeads } from '../../libs/voice/src/commands/run-safeguarding-case/safeguarding-leads.js';
import { FixedClock } from '#platform';

// The process dies after ContributionErased is appended and before the key is destroyed: the next
// boot's SubjectKeyShredder, catching up from its checkpoint (behind the erasure, as it was never
// handled), destroys it; replays are harmless.
describe('erasure survives a crash between the append and the key destruction', () => {
  let dir: string;
  let store: ProtectedEventStore;
  let minute = 0;

  const context = (role = 'young-person'): CommandContext => {
    const commandId = randomUUID();
    minute += 1;
    const now = new Date(Date.UTC(2026, 2, 2, 9, minute)).toISOString();
    return { tenantId: 'tenant-north', actor: { id: `${role}-1`, role }, commandId, correlationId: commandId, now };
  };

  async function run(id: string, build: (at: string) => ContributionCommand, role?: string): Promise<void> {
    const ctx = context(role);
    await handleCommand(store, contributionDecider, contributionStream(id), build(ctx.now), ctx);
  }

  async function submit(text: string): Promise<string> {
    const id = randomUUID();
    await run(id, (at) => ({
      type: 'SubmitContribution',
      data: {
        contributionId: id,
        text,
        channel: 'online',
        receiptCodeHash: `hash-${id}`,
        authorPseudonym: randomUUID(),
        at,
        facts: { screening: { flagged: false, matchedCategories: [] } },
      },
    }));
    return id;
  }

  const textOf = async (id: string): Promise<unknown> =>
    (await store.readStream(contributionStream(id)))[0]!.data as Record<string, unknown>;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cpb-erasure-'));
    const raw = new SqliteEventStore({ filename: join(dir, 'events.db') });
    store = new ProtectedEventStore({
      store: raw,
      keys: new SqliteSubjectKeyStore(raw.db, MasterKey.generate()),
      policy: VOICE_PERSONAL_DATA,
    });
  });

  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('destroys the key of an erasure recorded before the crash, once, and no other', async () => {
    const erased = await submit('Words to be erased.');
    const kept = await submit('Words that stay.');
    // The erasure is recorded, then the process "dies": no key is destroyed.
    await run(
      erased,
      (at) => ({
        type: 'EraseContribution',
        data: { contributionId: erased, erasedBy: 'admin-1', ground: 'consent-withdrawn', reason: 'ref', at },
      }),
      'admin',
    );
    expect(await textOf(erased)).toMatchObject({ text: 'Words to be erased.' });

    // The next boot.
    const shredder = new SubjectKeyShredder(store);
    expect(shredder.canDestroyKeys).toBe(true);
    shredder.onApplicationBootstrap();
    try {
      await shredder.waitForIdle();
    } finally {
      await shredder.onApplicationShutdown();
    }
    const after = (await textOf(erased)) as Record<string, unknown>;
    expect(isErased(after.text)).toBe(true);
    expect(isErased(after.receiptCodeHash)).toBe(true);
    expect(await textOf(kept)).toMatchObject({ text: 'Words that stay.' });

    // A second boot replays the erasure: nothing left to destroy, nothing else touched.
    const [stored] = await store.raw.readStream(contributionStream(erased));
    const subject = `yp:${(stored!.data as { authorPseudonym: string }).authorPseudonym}`;
    const replay = new SubjectKeyShredder(store);
    replay.onApplicationBootstrap();
    try {
      await replay.waitForIdle();
      expect(await replay.destroy(subject)).toBe(false);
    } finally {
      await replay.onApplicationShutdown();
    }
    expect(await textOf(kept)).toMatchObject({ text: 'Words that stay.' });
  });

  it('opens the safeguarding case of a flagged view erased before the next boot (its categories unreadable)', async () => {
    const id = randomUUID();
    await run(id, (at) => ({
      type: 'SubmitContribution',
      data: {
        contributionId: id,
        text: 'A disclosure.',
        channel: 'online',
        receiptCodeHash: `hash-${id}`,
        authorPseudonym: randomUUID(),
        at,
        facts: { screening: { flagged: true, matchedCategories: ['abuse'] } },
      },
    }));
    await run(
      id,
      (at) => ({
        type: 'EraseContribution',
        data: { contributionId: id, erasedBy: 'admin-1', ground: 'consent-withdrawn', reason: 'Request granted.', at },
      }),
      'admin',
    );
    const shredder = new SubjectKeyShredder(store);
    shredder.onApplicationBootstrap();
    await shredder.waitForIdle();
    await shredder.onApplicationShutdown();

    // The next boot's case opener reads the escalation with its categories erased.
    const leads = {
      forTenant: async () => ({ namedLead: 'lead-1', deputy: 'lead-2', acknowledgeWithin: 240 }),
    } as unknown as SafeguardingLeads;
    const opener = new SafeguardingCaseOpener(store, leads, new FixedClock(new Date('2026-03-02T10:00:00Z')));
    opener.onApplicationBootstrap();
    let timer: NodeJS.Timeout | undefined;
    try {
      // A refused opening retries for ever: the race turns that into a failure, not a hang.
      await Promise.race([
        opener.waitForIdle(),
        new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('the case never opened')), 10_000))),
      ]);
    } finally {
      clearTimeout(timer);
      await opener.onApplicationShutdown();
    }
    const opened = await store.readStream(`safeguarding-case-${id}`);
    expect(opened.map((e) => e.type)).toEqual(['SafeguardingCaseOpened']);
    expect(opened[0]!.data).toMatchObject({ contributionId: id, categories: ['erased-before-case-opened'] });
  });

  it('opens the case of a board that had no safeguarding lead at the next boot, its checkpoint already past it', async () => {
    const readDb = new DataSource({ type: 'better-sqlite3', database: join(dir, 'read.db') });
    await readDb.initialize();
    const id = randomUUID();
    await run(id, (at) => ({
      type: 'SubmitContribution',
      data: {
        contributionId: id,
        text: 'A disclosure on a board with no lead yet.',
        channel: 'online',
        receiptCodeHash: `hash-${id}`,
        authorPseudonym: randomUUID(),
        at,
        facts: { screening: { flagged: true, matchedCategories: ['abuse'] } },
      },
    }));
    let lead: { namedLead: string; deputy?: string; acknowledgeWithin: number } | undefined;
    const leads = { forTenant: async () => lead } as unknown as SafeguardingLeads;
    const clock = new FixedClock(new Date('2026-03-02T10:00:00Z'));
    const boot = async (): Promise<void> => {
      const opener = new SafeguardingCaseOpener(store, leads, clock, readDb);
      opener.onApplicationBootstrap();
      try {
        await opener.waitForIdle();
      } finally {
        await opener.onApplicationShutdown();
      }
    };
    try {
      await boot(); // no lead: no case, and the checkpoint moves past the escalation
      expect(await store.readStream(`safeguarding-case-${id}`)).toEqual([]);
      const [{ position }] = (await readDb.query(`SELECT position FROM subscription_checkpoints WHERE name = ?`, [
        SafeguardingCaseOpener.CHECKPOINT,
      ])) as Array<{ position: string }>;
      expect(position >= (await store.headPosition())!).toBe(true);

      lead = { namedLead: 'lead-1', deputy: 'lead-2', acknowledgeWithin: 240 };
      await boot(); // the board has a lead now: the boot's pass behind the checkpoint opens the case
      const opened = await store.readStream(`safeguarding-case-${id}`);
      expect(opened.map((e) => e.type)).toEqual(['SafeguardingCaseOpened']);
      await boot(); // and opens nothing twice
      expect(await store.readStream(`safeguarding-case-${id}`)).toHaveLength(1);
    } finally {
      await readDb.destroy();
    }
  });

  it('re-reads nothing from the start of the log at each poll (the shredder and the case opener keep checkpoints)', async () => {
    const readDb = new DataSource({ type: 'better-sqlite3', database: join(dir, 'read.db') });
    await readDb.initialize();
    for (let i = 0; i < 3; i++) await submit(`Words ${i}.`);
    const fromStart: string[] = [];
    const readAll = store.readAll.bind(store);
    store.readAll = async (options = {}) => {
      if (options.after === undefined) fromStart.push(String(options.filter?.eventTypes));
      return readAll(options);
    };
    const leads = { forTenant: async () => undefined } as unknown as SafeguardingLeads;
    const opener = new SafeguardingCaseOpener(store, leads, new FixedClock(new Date()), readDb);
    const shredder = new SubjectKeyShredder(store, undefined, readDb);
    try {
      for (const boot of [1, 2]) {
        opener.onApplicationBootstrap();
        shredder.onApplicationBootstrap();
        await Promise.all([opener.waitForIdle(), shredder.waitForIdle()]);
        fromStart.length = 0;
        // Several polls (500 ms each) with nothing new, then a new view: no read from the start.
        await new Promise((resolve) => setTimeout(resolve, 1_600));
        await submit(`Words after boot ${boot}.`);
        await Promise.all([opener.waitForIdle(), shredder.waitForIdle()]);
        expect(fromStart).toEqual([]);
        await Promise.all([opener.onApplicationShutdown(), shredder.onApplicationShutdown()]);
      }
    } finally {
      await readDb.destroy();
    }
  });

  it('refuses to erase on a store that seals nothing (no key could be destroyed)', async () => {
    const shredder = new SubjectKeyShredder(store.raw);
    expect(shredder.canDestroyKeys).toBe(false);
    await expect(shredder.destroy('yp:anyone')).rejects.toThrow(/does not seal personal data/);
  });
});
