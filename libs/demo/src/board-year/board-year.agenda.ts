// What the board discusses each quarter. Themes come from the board's default list; 'family-time' and
// 'placed-at-a-distance' are raised by young people but never put on an agenda (themes never acted on).
import type { AgendaItemPurpose } from '#board/contracts';

export interface PlannedItem {
  readonly itemId: string;
  readonly title: string;
  readonly purpose: AgendaItemPurpose;
  readonly themes: readonly string[];
  readonly principles: readonly string[];
  readonly restricted?: boolean;
  readonly resolution: string;
}

export const QUARTERLY_AGENDA: readonly (readonly PlannedItem[])[] = [
  [
    {
      itemId: 'placements',
      title: 'Placement stability: quarterly report',
      purpose: 'decision',
      themes: ['placement-stability'],
      principles: ['safe-and-stable', 'take-views-into-account'],
      resolution: 'Every child moving placement keeps their school unless they choose otherwise.',
    },
    {
      itemId: 'camhs',
      title: 'Emotional health: waiting times',
      purpose: 'decision',
      themes: ['emotional-and-mental-health'],
      principles: ['access-services'],
      resolution: 'A named wellbeing worker for every child waiting more than eight weeks.',
    },
    {
      itemId: 'commissioning-costs',
      title: 'Commissioning costs',
      purpose: 'information',
      themes: [],
      principles: [],
      restricted: true,
      resolution: 'The board noted the commissioning costs.',
    },
  ],
  [
    {
      itemId: 'virtual-school',
      title: 'Virtual school annual report',
      purpose: 'decision',
      themes: ['education-and-attendance'],
      principles: ['high-aspirations'],
      resolution: 'Every personal education plan meeting invites the young person first.',
    },
    {
      itemId: 'care-leavers-housing',
      title: 'Care leavers’ housing',
      purpose: 'decision',
      themes: ['accommodation-and-homelessness'],
      principles: ['prepare-for-adulthood'],
      resolution: 'No 16 or 17 year old is placed in bed and breakfast; housing plans start at 17.',
    },
    {
      itemId: 'placements-follow-up',
      title: 'Placement stability: college',
      purpose: 'decision',
      themes: ['placement-stability'],
      principles: ['safe-and-stable'],
      resolution: 'The school rule covers college placements too.',
    },
  ],
  [
    {
      itemId: 'local-offer',
      title: 'The local offer refresh',
      purpose: 'decision',
      themes: ['leaving-care-local-offer'],
      principles: ['prepare-for-adulthood', 'access-services'],
      resolution: 'The local offer moves to an app, written with care leavers.',
    },
    {
      itemId: 'workforce',
      title: 'Social work workforce stability',
      purpose: 'decision',
      themes: ['changes-of-social-worker'],
      principles: ['best-interests'],
      resolution: 'A handover visit with the old and new worker before any change of social worker.',
    },
  ],
  [
    {
      itemId: 'health-assessments',
      title: 'Health assessments',
      purpose: 'decision',
      themes: ['health'],
      principles: ['access-services'],
      resolution: 'Young people choose where their health assessment happens.',
    },
    {
      itemId: 'participation-plan',
      title: 'Participation plan',
      purpose: 'decision',
      themes: ['participation-and-rights'],
      principles: ['express-views', 'take-views-into-account'],
      resolution: 'Children in Care Council members are paid for panel work.',
    },
    {
      itemId: 'emotional-health-follow-up',
      title: 'Emotional health: follow-up',
      purpose: 'decision',
      themes: ['emotional-and-mental-health'],
      principles: ['access-services'],
      resolution: 'Care leavers keep their wellbeing worker until 25.',
    },
  ],
];

/** Themes young people write about, in rotation: ten of the board's default list. */
export const VIEW_THEMES = [
  'placement-stability',
  'emotional-and-mental-health',
  'education-and-attendance',
  'accommodation-and-homelessness',
  'leaving-care-local-offer',
  'changes-of-social-worker',
  'health',
  'participation-and-rights',
  'family-time',
  'placed-at-a-distance',
] as const;

/** Meeting 2 (index 1) has the call for views, on this item. */
export const CALL_QUARTER = 1;
export const CALL_ITEM = 'care-leavers-housing';
/** Meeting 2's placements follow-up amends meeting 1's placements decision. */
export const AMENDED_ITEM = { quarter: 0, itemId: 'placements' } as const;
export const AMENDING_ITEM = { quarter: 1, itemId: 'placements-follow-up' } as const;
