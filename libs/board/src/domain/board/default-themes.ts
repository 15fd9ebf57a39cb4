import type { Tag } from '../tags.js';

/** Areas inspections of children's services keep naming: a board's theme list unless it sets its own. */
export const DEFAULT_THEMES: readonly Tag[] = [
  { code: 'help-and-protection', label: 'Help and protection' },
  { code: 'placement-stability', label: 'Stability of placements' },
  { code: 'placed-at-a-distance', label: 'Children placed at a distance from home' },
  { code: 'missing-and-exploitation', label: 'Missing from care and exploitation' },
  { code: 'disabled-children', label: 'Disabled children' },
  { code: 'emotional-and-mental-health', label: 'Emotional and mental health (including for care leavers)' },
  { code: 'education-and-attendance', label: 'Education and school attendance' },
  { code: 'health', label: 'Health' },
  {
    code: 'accommodation-and-homelessness',
    label: "Care leavers' accommodation and 16-17 year olds at risk of homelessness",
  },
  { code: 'leaving-care-local-offer', label: 'Leaving care and the local offer' },
  { code: 'changes-of-social-worker', label: 'Changes of social worker' },
  { code: 'family-time', label: 'Family time' },
  { code: 'participation-and-rights', label: 'Participation and rights' },
];
