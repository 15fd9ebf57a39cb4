import { RuleBroken, type CalendarDate } from '#kernel';
import type { Jurisdiction } from '../jurisdiction.js';
import type { MemberRole } from './board.commands.js';
import type { BoardMember, BoardState, MemberTerm } from './board.state.js';

/** The member's open term, if they serve now. */
export function currentTerm(member: BoardMember | undefined): MemberTerm | undefined {
  const last = member?.terms.at(-1);
  return last && last.stoodDownOn === undefined ? last : undefined;
}

export function servesOn(term: Pick<MemberTerm, 'appointedOn' | 'stoodDownOn'>, date: CalendarDate): boolean {
  return term.appointedOn <= date && (term.stoodDownOn === undefined || date < term.stoodDownOn);
}

export interface ServingMember {
  readonly memberId: string;
  readonly role: MemberRole;
}

/** The board's membership on a date: the facts OpenMeeting needs for attendance and quorum. */
export function membersServingOn(state: BoardState, date: CalendarDate): readonly ServingMember[] {
  return Object.values(state.members).flatMap((member) => {
    const term = member.terms.find((t) => servesOn(t, date));
    return term ? [{ memberId: member.memberId, role: term.role }] : [];
  });
}

export interface BoardFacts {
  readonly jurisdiction: Jurisdiction;
  readonly quorum: number;
  readonly themes: readonly string[];
  readonly principles: readonly string[];
}

/** What a meeting needs to know about its board when it is scheduled. */
export function boardFacts(state: BoardState): BoardFacts {
  const config = state.config;
  if (!config) throw new RuleBroken('board-not-configured', 'The board has not been configured yet.');
  return {
    jurisdiction: config.jurisdiction,
    quorum: config.quorum,
    themes: config.themes.map((tag) => tag.code),
    principles: config.principles.map((tag) => tag.code),
  };
}
