import type { PersonalDataPolicy } from '#event-store';
import { CONTRIBUTION_PERSONAL_FIELDS, contributionSubject } from './domain/index.js';

/** The key that seals what a safeguarding case records about a child (the outcome's reason). */
export const safeguardingCaseSubject = (caseId: string): string => `case:${caseId}`;

/**
 * A young person's words (and everything that could identify them) are sealed under their own key,
 * `yp:<pseudonym>`; erasure destroys it (docs/adr/0004). A safeguarding outcome's reason may describe
 * the child's situation: it is sealed too, under the case's own key, which the view's erasure leaves
 * alone (a safeguarding record is kept under a legal obligation, UK GDPR Art. 17(3)(b)).
 */
export const VOICE_PERSONAL_DATA: PersonalDataPolicy = {
  ...Object.fromEntries(
    Object.entries(CONTRIBUTION_PERSONAL_FIELDS)
      .filter(([, fields]) => fields.length > 0)
      .map(([type, fields]) => [
        type,
        (data: unknown) => ({
          subject: contributionSubject((data as { authorPseudonym: string }).authorPseudonym),
          paths: [...fields],
        }),
      ]),
  ),
  CaseOutcomeRecorded: (data: unknown) => ({
    subject: safeguardingCaseSubject((data as { caseId: string }).caseId),
    paths: ['reason'],
  }),
};
