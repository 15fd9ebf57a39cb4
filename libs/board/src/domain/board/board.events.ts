import { type DomainEvent, type CalendarDate } from '#kernel';
import type { Jurisdiction } from '../jurisdiction.js';
import type { Tag } from '../tags.js';
import type { MemberRole } from './board.commands.js';

export const boardStream = (tenantId: string): string => `board-${tenantId}`;

export type BoardConfigured = DomainEvent<
  'BoardConfigured',
  {
    readonly tenantId: string;
    readonly name: string;
    readonly council: string;
    readonly jurisdiction: Jurisdiction;
    readonly quorum: number;
    readonly termsOfReference: string;
    readonly themes: readonly Tag[];
    readonly principles: readonly Tag[];
    readonly at: string;
  }
>;

/** `name` is a person's name: personal data for the store to protect. */
export type MemberAppointed = DomainEvent<
  'MemberAppointed',
  {
    readonly tenantId: string;
    readonly memberId: string;
    readonly name: string;
    readonly role: MemberRole;
    readonly appointedOn: CalendarDate;
    readonly at: string;
  }
>;

export type MemberStoodDown = DomainEvent<
  'MemberStoodDown',
  {
    readonly tenantId: string;
    readonly memberId: string;
    readonly on: CalendarDate;
    readonly reason: string;
    readonly at: string;
  }
>;

export type BoardEvent = BoardConfigured | MemberAppointed | MemberStoodDown;
