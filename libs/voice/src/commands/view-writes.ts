import { foldRecorded, type BoardStreams, type CommandContext, type WriteResult } from '#event-store';
import { NotFound } from '#platform';
import { contributionDecider, contributionStream, type ContributionCommand } from '../domain/index.js';
import { runOnContribution } from './contribution-writes.js';

const noSuchView = () => new NotFound('There is no such view.');

/** A staff command on a view; a view absent or of another board is "not found" (404). */
export function runOnView(
  streams: BoardStreams,
  command: ContributionCommand,
  context: CommandContext,
): Promise<WriteResult> {
  return runOnContribution(streams, command.data.contributionId, command, context, { mustExist: noSuchView });
}

/**
 * One command per view of a group: each its own stream and command id (retries stay idempotent).
 * Every view is checked (board, the domain's rules) before any is written, so a refused group changes
 * nothing; only a concurrent change between the check and the write could split it.
 */
export async function runOnEachView(
  streams: BoardStreams,
  contributionIds: readonly string[],
  command: (contributionId: string) => ContributionCommand,
  context: CommandContext,
): Promise<WriteResult[]> {
  const ids = [...new Set(contributionIds)];
  for (const id of ids) {
    const recorded = await streams.read(contributionStream(id), context.tenantId);
    if (recorded.length === 0) throw noSuchView();
    // A retry of this very command was already written: the writer answers it as the first time.
    const commandId = `${context.commandId}.${id}`;
    if (recorded.some((e) => e.metadata.commandId === commandId)) continue;
    const state = foldRecorded(contributionDecider, recorded);
    contributionDecider.decide(command(id), state);
  }
  const results: WriteResult[] = [];
  for (const id of ids) {
    results.push(await runOnView(streams, command(id), { ...context, commandId: `${context.commandId}.${id}` }));
  }
  return results;
}
