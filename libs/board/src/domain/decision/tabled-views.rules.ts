import { RuleBroken, type InputCheck } from '#kernel';
import type { ContributionCitability, VoiceEvidence } from './voice-evidence.js';

// The board decides on what was put before it: a decision cites the views tabled at its item. A view
// that was not (it came too late to table, a young person raised it at the meeting) may still be cited,
// with the chair's reason on the record, so an inspector can tell the two apart.

/** Shape: a reason for citing a view not tabled, when given, is words. */
export function checkNotTabledReasons(check: InputCheck, evidence: VoiceEvidence | undefined): void {
  const citations = evidence?.contributions;
  (Array.isArray(citations) ? citations : []).forEach((citation, i) => {
    check.optionalText(`voiceEvidence.contributions[${i}].notTabledReason`, citation?.notTabledReason);
  });
}

/**
 * Each view cited was tabled at this item, or its citation says why the board considered it untabled.
 * A reason for a view that was tabled there is refused too: the record would say something untrue.
 */
export function requireTabledOrExplained(evidence: VoiceEvidence, known: readonly ContributionCitability[]): void {
  for (const citation of evidence.contributions ?? []) {
    const { contributionId } = citation;
    const tabled = known.find((c) => c.contributionId === contributionId)?.tabledAtItem === true;
    const explained = citation.notTabledReason !== undefined;
    if (!tabled && !explained) {
      throw new RuleBroken(
        'view-not-tabled-at-item',
        `View ${contributionId} was not tabled at this agenda item, so the board has not had it before it here. ` +
          'Table it at this item first, or give notTabledReason: why the board considered it without it being tabled.',
        { contributionId },
      );
    }
    if (tabled && explained) {
      throw new RuleBroken(
        'view-was-tabled-at-item',
        `View ${contributionId} was tabled at this agenda item: leave out notTabledReason, which is only for views that were not.`,
        { contributionId },
      );
    }
  }
}
