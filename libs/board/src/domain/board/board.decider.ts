import { NotFound, RuleBroken, type Decider, checkInput, isText } from '#kernel';
import { JURISDICTIONS } from '../jurisdiction.js';
import { sameValue } from '../same-value.js';
import type { Tag } from '../tags.js';
import {
  MEMBER_ROLES,
  type AppointMember,
  type BoardCommand,
  type ConfigureBoard,
  type StandDownMember,
} from './board.commands.js';
import type { BoardEvent } from './board.events.js';
import { currentTerm } from './board.queries.js';
import { evolveBoard, initialBoardState, memberOf, type BoardState } from './board.state.js';
import { CORPORATE_PARENTING_PRINCIPLES } from './corporate-parenting-principles.js';
import { DEFAULT_THEMES } from './default-themes.js';

export const boardDecider: Decider<BoardCommand, BoardEvent, BoardState> = {
  decide(command, state) {
    switch (command.type) {
      case 'ConfigureBoard':
        return configure(command, state);
      case 'AppointMember':
        return appoint(command, state);
      case 'StandDownMember':
        return standDown(command, state);
    }
  },
  evolve: evolveBoard,
  initialState: initialBoardState,
};

function configure({ data }: ConfigureBoard, state: BoardState): BoardEvent[] {
  checkInput()
    .text('name', data.name)
    .text('council', data.council)
    .oneOf('jurisdiction', data.jurisdiction, JURISDICTIONS)
    .that(Number.isInteger(data.quorum) && data.quorum >= 2, 'quorum', 'must be a whole number of at least 2')
    .text('termsOfReference', data.termsOfReference)
    .that(data.themes === undefined || isTagList(data.themes), 'themes', 'must be distinct codes with labels')
    .that(
      data.principles === undefined || isTagList(data.principles),
      'principles',
      'must be distinct codes with labels',
    )
    .instant('at', data.at)
    .done();
  const config = {
    name: data.name,
    council: data.council,
    jurisdiction: data.jurisdiction,
    quorum: data.quorum,
    termsOfReference: data.termsOfReference,
    themes: data.themes ?? DEFAULT_THEMES,
    principles: data.principles ?? CORPORATE_PARENTING_PRINCIPLES,
  };
  // Configuring again with nothing changed records nothing: retries stay harmless.
  if (sameValue(config, state.config)) return [];
  return [{ type: 'BoardConfigured', data: { tenantId: data.tenantId, ...config, at: data.at } }];
}

function appoint({ data }: AppointMember, state: BoardState): BoardEvent[] {
  checkInput()
    .text('memberId', data.memberId)
    .text('name', data.name)
    .oneOf('role', data.role, MEMBER_ROLES)
    .date('appointedOn', data.appointedOn)
    .instant('at', data.at)
    .done();
  if (!state.config) throw new RuleBroken('board-not-configured', 'Configure the board before appointing members.');
  const member = memberOf(state, data.memberId);
  if (currentTerm(member)) {
    throw new RuleBroken('member-already-serving', 'This member already serves on the board.');
  }
  const lastTerm = member?.terms.at(-1);
  if (lastTerm?.stoodDownOn && data.appointedOn < lastTerm.stoodDownOn) {
    throw new RuleBroken('terms-overlap', 'A new term cannot start before the previous one ended.', {
      previousTermEnded: lastTerm.stoodDownOn,
    });
  }
  if (data.role === 'chair') requireNoOtherChair(state, data.appointedOn);
  const { tenantId, memberId, name, role, appointedOn, at } = data;
  return [{ type: 'MemberAppointed', data: { tenantId, memberId, name, role, appointedOn, at } }];
}

// One chair at a time: a new chair's term may start only once every other chair's term has ended.
function requireNoOtherChair(state: BoardState, from: string): void {
  const overlapping = Object.values(state.members).some((member) =>
    member.terms.some((term) => term.role === 'chair' && (term.stoodDownOn === undefined || term.stoodDownOn > from)),
  );
  if (overlapping) {
    throw new RuleBroken('chair-already-serving', 'The board already has a chair; they must stand down first.');
  }
}

function standDown({ data }: StandDownMember, state: BoardState): BoardEvent[] {
  checkInput()
    .text('memberId', data.memberId)
    .date('on', data.on)
    .text('reason', data.reason)
    .instant('at', data.at)
    .done();
  const member = memberOf(state, data.memberId);
  if (!member) throw new NotFound('No such member of this board.');
  const term = currentTerm(member);
  if (!term) throw new RuleBroken('member-not-serving', 'This member has already stood down.');
  if (data.on < term.appointedOn) {
    throw new RuleBroken('stand-down-before-appointment', 'A member cannot stand down before they were appointed.', {
      appointedOn: term.appointedOn,
    });
  }
  const { tenantId, memberId, on, reason, at } = data;
  return [{ type: 'MemberStoodDown', data: { tenantId, memberId, on, reason, at } }];
}

function isTagList(tags: readonly Tag[]): boolean {
  if (!Array.isArray(tags) || tags.length === 0) return false;
  const codes = tags.map((tag) => tag?.code);
  return tags.every((tag) => isText(tag?.code) && isText(tag?.label)) && new Set(codes).size === codes.length;
}
