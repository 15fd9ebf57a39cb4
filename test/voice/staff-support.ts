import { randomUUID } from 'node:crypto';
import { BoardStreams, ProjectionRunner } from '#event-store';
import { AccessLog } from '#identity';
import {
  contributionDecider,
  contributionStream,
  type ContributionCommand,
} from '../../libs/voice/src/domain/index.js';
import type { TestApp } from '../support/test-app.js';

/**
 * Views written straight through the contribution decider and the one writer, BoardStreams (the
 * young people's public route is another helper's), as a young person's command would be.
 */
export class ViewFixture {
  constructor(private readonly t: TestApp) {}

  async run(tenantId: string, command: ContributionCommand, role = 'young-person'): Promise<void> {
    const id = command.data.contributionId;
    await this.t.app.get(BoardStreams).run(
      contributionDecider,
      contributionStream(id),
      command,
      {
        tenantId,
        actor: { id: role === 'young-person' ? `yp-${id}` : `${role}-fixture`, role },
        commandId: randomUUID(),
        correlationId: randomUUID(),
        now: this.t.clock.now().toISOString(),
      },
      { id },
    );
  }

  /** A new view; flagged as the screen would flag a disclosure when `flagged`. */
  async submit(
    tenantId: string,
    text: string,
    options: { flagged?: boolean; sharing?: 'summary-only' | 'anonymised' | 'verbatim' } = {},
  ): Promise<string> {
    const contributionId = randomUUID();
    await this.run(tenantId, {
      type: 'SubmitContribution',
      data: {
        contributionId,
        text,
        themes: ['placement-stability'],
        channel: 'online',
        ...(options.sharing ? { sharing: options.sharing } : {}),
        receiptCodeHash: `hash-${contributionId}`,
        authorPseudonym: `yp-${contributionId}`,
        at: this.t.clock.now().toISOString(),
        facts: {
          screening: options.flagged
            ? { flagged: true, matchedCategories: ['harm-at-home'] }
            : { flagged: false, matchedCategories: [] },
        },
      },
    });
    return contributionId;
  }

  async withdraw(tenantId: string, contributionId: string): Promise<void> {
    await this.run(tenantId, {
      type: 'WithdrawContribution',
      data: {
        contributionId,
        author: { receiptCodeHash: `hash-${contributionId}` },
        at: this.t.clock.now().toISOString(),
      },
    });
  }

  async caughtUp(): Promise<void> {
    await this.t.app.get(ProjectionRunner).waitForCatchUp({ timeoutMs: 20_000 });
  }

  /** The ids whose words `userId` was recorded reading. */
  async textReadsBy(tenantId: string, userId: string): Promise<string[]> {
    const entries = await this.t.app.get(AccessLog).forTenant(tenantId, 1000);
    return entries
      .filter((e) => e.userId === userId && e.action === 'read-contribution-text' && e.subjectType === 'contribution')
      .map((e) => e.subjectId);
  }
}
