// The acknowledgement deadline is durable: a case opened before the API stops is escalated to the
// deputy by the next process once it is overdue, and only once.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EVENT_STORE, ProjectionRunner, type EventStore } from '#event-store';
import { safeguardingCaseStream } from '../../libs/voice/src/domain/index.js';
import { OverdueCaseSweeper } from '../../libs/voice/src/commands/run-safeguarding-case/overdue-case-sweeper.js';
import { SafeguardingCaseOpener } from '../../libs/voice/src/commands/run-safeguarding-case/safeguarding-case-opener.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('a safeguarding deadline survives a restart and fires once', () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'cpb-restart-'));
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  const settle = async (t: TestApp) => {
    await t.app.get(SafeguardingCaseOpener).waitForIdle();
    await t.app.get(ProjectionRunner).waitForCatchUp({ timeoutMs: 20_000 });
  };
  const types = async (t: TestApp, stream: string) =>
    (await t.app.get<EventStore>(EVENT_STORE).readStream(stream)).map((e) => e.type);

  it('escalates to the deputy after the restart, once however often the sweep runs', async () => {
    const first = await startTestApp({ DATA_DIR: dataDir });
    let caseStream: string;
    try {
      const given = await first.request('POST', '/api/public/boards/northshire/views', {
        body: { text: 'My foster carer hits me when nobody is home.' },
      });
      expect(given.status).toBe(201);
      await settle(first);
      const [escalation] = await first.app
        .get<EventStore>(EVENT_STORE)
        .readAll({ filter: { eventTypes: ['ContributionEscalatedForSafeguarding'] } });
      caseStream = safeguardingCaseStream(`case-${(escalation!.data as { contributionId: string }).contributionId}`);
      expect(await types(first, caseStream)).toEqual(['SafeguardingCaseOpened']);
    } finally {
      await first.close();
    }

    // Five hours later (past the 4-hour default window), a new process on the same data.
    const second = await startTestApp({ DATA_DIR: dataDir });
    try {
      second.clock.advance(5 * 60 * 60_000);
      await settle(second);
      const sweeper = second.app.get(OverdueCaseSweeper);
      await sweeper.sweep();
      await sweeper.sweep();
      expect(await types(second, caseStream)).toEqual(['SafeguardingCaseOpened', 'CaseEscalatedToDeputy']);
    } finally {
      await second.close();
    }
  }, 120_000);
});
