import { type DomainCommand, type CalendarDate } from '#kernel';
import type { Jurisdiction } from '../jurisdiction.js';
import type { Tag } from '../tags.js';

export const MEMBER_ROLES = [
  'chair',
  'vice-chair',
  'councillor',
  'officer',
  'partner',
  'co-opted',
  'young-person-representative',
] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

/** Sets (or changes) the board's standing facts. Themes and principles default to the standard lists. */
export type ConfigureBoard = DomainCommand<
  'ConfigureBoard',
  {
    readonly tenantId: string;
    readonly name: string;
    readonly council: string;
    readonly jurisdiction: Jurisdiction;
    readonly quorum: number;
    readonly termsOfReference: string;
    readonly themes?: readonly Tag[];
    readonly principles?: readonly Tag[];
    readonly at: string;
  }
>;

export type AppointMember = DomainCommand<
  'AppointMember',
  {
    readonly tenantId: string;
    readonly memberId: string;
    readonly name: string;
    readonly role: MemberRole;
    readonly appointedOn: CalendarDate;
    readonly at: string;
  }
>;

export type StandDownMember = DomainCommand<
  'StandDownMember',
  {
    readonly tenantId: string;
    readonly memberId: string;
    /** The first day the member no longer serves. */
    readonly on: CalendarDate;
    readonly reason: string;
    readonly at: string;
  }
>;

export type BoardCommand = ConfigureBoard | AppointMember | StandDownMember;
