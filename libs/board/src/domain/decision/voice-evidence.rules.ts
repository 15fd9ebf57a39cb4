import { RuleBroken, isText, type InputCheck } from '#kernel';
import { INFLUENCES, type ContributionCitability, type VoiceEvidence } from './voice-evidence.js';

/** Shape: exactly one of a non-empty list of citations (each with a rationale) or a reason none applied. */
export function checkVoiceEvidence(check: InputCheck, evidence: VoiceEvidence | undefined): void {
  const cites = evidence?.contributions !== undefined;
  const none = evidence?.noneApplied !== undefined;
  check.that(
    cites !== none,
    'voiceEvidence',
    'give either the contributions that informed the decision or why none applied',
  );
  if (cites) {
    const citations = evidence?.contributions;
    check.that(
      Array.isArray(citations) && citations.length > 0,
      'voiceEvidence.contributions',
      'must cite at least one',
    );
    (Array.isArray(citations) ? citations : []).forEach((citation, i) => {
      check
        .text(`voiceEvidence.contributions[${i}].contributionId`, citation?.contributionId)
        .oneOf(`voiceEvidence.contributions[${i}].influence`, citation?.influence, INFLUENCES)
        .that(isText(citation?.rationale), `voiceEvidence.contributions[${i}].rationale`, 'say why, in plain words');
    });
  }
  if (none) check.text('voiceEvidence.noneApplied.reason', evidence?.noneApplied?.reason);
}

/** A view may be cited once, and only if moderation accepted it and its author has not withdrawn it. */
export function requireCitable(evidence: VoiceEvidence, known: readonly ContributionCitability[]): void {
  const ids = (evidence.contributions ?? []).map((c) => c.contributionId);
  const duplicates = ids.filter((id, i) => ids.indexOf(id) !== i);
  if (duplicates.length > 0) {
    throw new RuleBroken('duplicate-citation', 'A contribution is cited more than once.', {
      contributionIds: [...new Set(duplicates)],
    });
  }
  for (const contributionId of ids) {
    const status = known.find((c) => c.contributionId === contributionId)?.status ?? 'unknown';
    if (status !== 'citable') {
      throw new RuleBroken(
        'contribution-not-citable',
        status === 'needs-summary'
          ? 'A contribution cited is shared as a summary only and has no current summary: the board can cite it once a moderator has written one.'
          : `A contribution cited is ${status}: only accepted, not withdrawn views can be cited.`,
        // `contributionStatus`: details become members of the HTTP problem, whose `status` is the HTTP code.
        { contributionId, contributionStatus: status },
      );
    }
  }
}
