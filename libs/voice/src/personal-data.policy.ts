import type { PersonalDataPolicy } from '#event-store';
import { CONTRIBUTION_PERSONAL_FIELDS, contributionSubject } from './domain/index.js';

/**
 * A young person's words (and everything that could identify them) are sealed under their own key,
 * `yp:<pseudonym>`; erasure destroys it (docs/adr/0004).
 */
export const VOICE_PERSONAL_DATA: PersonalDataPolicy = Object.fromEntries(
  Object.entries(CONTRIBUTION_PERSONAL_FIELDS)
    .filter(([, fields]) => fields.length > 0)
    .map(([type, fields]) => [
      type,
      (data: unknown) => ({
        subject: contributionSubject((data as { authorPseudonym: string }).authorPseudonym),
        paths: [...fields],
      }),
    ]),
);
