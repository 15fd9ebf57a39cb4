import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, foldRecorded, handleCommand, type CommandContext, type EventStore } from '#event-store';
import {
  callForViewsDecider,
  callForViewsFacts,
  callForViewsStream,
  contributionDecider,
  contributionStream,
  type CallForViewsFacts,
  type ContributionCommand,
} from '../domain/index.js';

/** Runs a young person's command on a contribution's stream and reads the facts it needs. */
@Injectable()
export class ContributionWriter {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /** Read, fold, decide, append with the expected revision, idempotent by command id. */
  async run(contributionId: string, command: ContributionCommand, context: CommandContext): Promise<readonly string[]> {
    const { events } = await handleCommand(
      this.store,
      contributionDecider,
      contributionStream(contributionId),
      command,
      context,
    );
    return events.map((event) => event.type);
  }

  /** The call's facts; another board's call is "not found", like a call that does not exist. */
  async callFacts(tenantId: string, callId: string): Promise<CallForViewsFacts> {
    const recorded = await this.store.readStream(callForViewsStream(callId));
    const ours = recorded.length > 0 && recorded[0]!.metadata.tenantId === tenantId;
    const state = foldRecorded(callForViewsDecider, ours ? recorded : []);
    return callForViewsFacts(callId, state);
  }
}
