import type { BoardStreams, CommandContext, WriteResult } from '#event-store';
import {
  callForViewsDecider,
  callForViewsFacts,
  callForViewsStream,
  contributionDecider,
  contributionStream,
  type CallForViewsFacts,
  type ContributionCommand,
} from '../domain/index.js';

/** Runs a command on a view's stream through the one writer (read, fold, decide, append; idempotent). */
export function runOnContribution(
  streams: BoardStreams,
  contributionId: string,
  command: ContributionCommand,
  context: CommandContext,
  options: { mustExist?: () => Error } = {},
): Promise<WriteResult> {
  return streams.run(contributionDecider, contributionStream(contributionId), command, context, {
    id: contributionId,
    ...options,
  });
}

/** A call's facts; another board's call is "not found", like a call that does not exist. */
export async function callFactsOf(streams: BoardStreams, tenantId: string, callId: string): Promise<CallForViewsFacts> {
  return callForViewsFacts(callId, await streams.fold(callForViewsDecider, callForViewsStream(callId), tenantId));
}
