import type { CalendarDate } from '#kernel';
import type { Jurisdiction } from '../jurisdiction.js';
import type { Tag } from '../tags.js';
import type { MemberRole } from './board.commands.js';
import type { BoardEvent } from './board.events.js';

export interface BoardConfiguration {
  readonly name: string;
  readonly council: string;
  readonly jurisdiction: Jurisdiction;
  readonly quorum: number;
  readonly termsOfReference: string;
  readonly themes: readonly Tag[];
  readonly principles: readonly Tag[];
}

/** One period of service; stoodDownOn is the first day not served. */
export interface MemberTerm {
  readonly role: MemberRole;
  readonly appointedOn: CalendarDate;
  readonly stoodDownOn?: CalendarDate;
}

export interface BoardMember {
  readonly memberId: string;
  readonly name: string;
  readonly terms: readonly MemberTerm[];
}

export interface BoardState {
  readonly config?: BoardConfiguration;
  readonly members: Readonly<Record<string, BoardMember>>;
}

export const initialBoardState = (): BoardState => ({ members: {} });

/**
 * The member with this id, if any. Own keys only: an id such as "constructor" names no member (read as
 * a plain property it found Object.prototype's, and the fuzzer got a 500).
 */
export function memberOf(state: BoardState, memberId: string): BoardMember | undefined {
  return Object.hasOwn(state.members, memberId) ? state.members[memberId] : undefined;
}

export function evolveBoard(state: BoardState, event: BoardEvent): BoardState {
  switch (event.type) {
    case 'BoardConfigured': {
      const { tenantId: _tenantId, at: _at, ...config } = event.data;
      return { ...state, config };
    }
    case 'MemberAppointed': {
      const { memberId, name, role, appointedOn } = event.data;
      const terms = memberOf(state, memberId)?.terms ?? [];
      const member = { memberId, name, terms: [...terms, { role, appointedOn }] };
      return { ...state, members: { ...state.members, [memberId]: member } };
    }
    case 'MemberStoodDown': {
      const member = memberOf(state, event.data.memberId);
      if (!member) return state;
      const terms = member.terms.map((term, i) =>
        i === member.terms.length - 1 ? { ...term, stoodDownOn: event.data.on } : term,
      );
      return { ...state, members: { ...state.members, [member.memberId]: { ...member, terms } } };
    }
  }
}
