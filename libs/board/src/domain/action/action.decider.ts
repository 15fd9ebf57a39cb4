import { NotFound, RuleBroken, type Decider, londonDateOf, checkInput, isText } from '#kernel';
import type { ActionCommand, ActionOwner, AssignAction } from './action.commands.js';
import type { ActionEvent } from './action.events.js';
import { evolveAction, initialActionState, type ActionState } from './action.state.js';

export const actionDecider: Decider<ActionCommand, ActionEvent, ActionState> = {
  decide(command, state) {
    if (command.type === 'AssignAction') return assign(command, state);
    const { actionId, at } = command.data;
    switch (command.type) {
      case 'RecordProgress':
        checkInput().text('note', command.data.note).instant('at', at).done();
        requireOpen(state);
        return [{ type: 'ActionProgressRecorded', data: { actionId, note: command.data.note, at } }];
      case 'CompleteAction': {
        checkInput().text('evidence', command.data.evidence).instant('at', at).done();
        requireOpen(state);
        const completedOn = londonDateOf(at);
        return [{ type: 'ActionCompleted', data: { actionId, evidence: command.data.evidence, completedOn, at } }];
      }
      case 'CancelAction':
        checkInput().text('reason', command.data.reason).instant('at', at).done();
        requireOpen(state);
        return [{ type: 'ActionCancelled', data: { actionId, reason: command.data.reason, at } }];
    }
  },
  evolve: evolveAction,
  initialState: initialActionState,
};

function assign({ data }: AssignAction, state: ActionState): ActionEvent[] {
  checkInput()
    .text('actionId', data.actionId)
    .text('decisionId', data.decisionId)
    .text('description', data.description)
    .that(isOwner(data.owner), 'owner', 'a member id, or an officer’s name (and id if known)')
    .date('dueOn', data.dueOn)
    .instant('at', data.at)
    .that(data.facts?.decision?.decisionId === data.decisionId, 'facts.decision', 'must describe the decision named')
    .done();
  if (state.status !== 'none') {
    throw new RuleBroken('action-already-assigned', 'This action has already been assigned.');
  }
  if (data.facts.decision.status === 'not-found') throw new NotFound('No such decision.');
  if (data.facts.decision.status === 'superseded') {
    throw new RuleBroken('decision-superseded', 'A superseded decision cannot assign new actions.');
  }
  if (data.dueOn < londonDateOf(data.at)) {
    throw new RuleBroken('due-date-in-past', 'An action cannot be due before the day it is assigned.');
  }
  const { actionId, decisionId, description, owner, dueOn, at } = data;
  return [{ type: 'ActionAssigned', data: { actionId, decisionId, description, owner, dueOn, at } }];
}

function requireOpen(state: ActionState): void {
  if (state.status === 'none') throw new NotFound('No such action.');
  if (state.status !== 'open') {
    // `actionStatus`, not `status`: details become members of the HTTP problem, whose `status` is the HTTP code.
    throw new RuleBroken('action-closed', `The action is already ${state.status}.`, { actionStatus: state.status });
  }
}

function isOwner(owner: ActionOwner | undefined): boolean {
  if (owner?.memberId !== undefined) return isText(owner.memberId) && owner.officer === undefined;
  const officer = owner?.officer;
  return isText(officer?.name) && (officer?.id === undefined || isText(officer.id));
}
