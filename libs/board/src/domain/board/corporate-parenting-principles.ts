import type { Tag } from '../tags.js';

/** The seven corporate parenting principles (Children and Social Work Act 2017, s1), as board tags. */
export const CORPORATE_PARENTING_PRINCIPLES: readonly Tag[] = [
  {
    code: 'best-interests',
    label: 'Act in their best interests, and promote their physical and mental health and well-being',
  },
  { code: 'express-views', label: 'Encourage them to express their views, wishes and feelings' },
  { code: 'take-views-into-account', label: 'Take into account their views, wishes and feelings' },
  {
    code: 'access-services',
    label: 'Help them gain access to, and make the best use of, services provided by the council and its partners',
  },
  { code: 'high-aspirations', label: 'Promote high aspirations, and seek to secure the best outcomes, for them' },
  {
    code: 'safe-and-stable',
    label: 'For them to be safe, and for stability in their home lives, relationships and education or work',
  },
  { code: 'prepare-for-adulthood', label: 'Prepare them for adulthood and independent living' },
];
