import { NotFound, RuleBroken, type Decider, checkInput, londonDateOf } from '#kernel';
import type { CallForViewsCommand, CloseCallForViews, OpenCallForViews } from './call-for-views.commands.js';
import type { CallForViewsEvent } from './call-for-views.events.js';
import { isLate } from './call-for-views.queries.js';
import { evolveCallForViews, initialCallForViewsState, type CallForViewsState } from './call-for-views.state.js';

export const QUESTION_MAX_CHARS = 1000;

// Lifecycle: opened -> (closing date passes | closed early). Views keep arriving either way, marked late.
export const callForViewsDecider: Decider<CallForViewsCommand, CallForViewsEvent, CallForViewsState> = {
  decide(command, state) {
    switch (command.type) {
      case 'OpenCallForViews':
        return open(command, state);
      case 'CloseCallForViews':
        return close(command, state);
    }
  },
  evolve: evolveCallForViews,
  initialState: initialCallForViewsState,
};

function open({ data }: OpenCallForViews, state: CallForViewsState): CallForViewsEvent[] {
  checkInput()
    .text('callId', data.callId)
    .boundedText('question', data.question, QUESTION_MAX_CHARS)
    .date('closesOn', data.closesOn)
    .optionalText('meetingId', data.meetingId)
    .optionalText('itemId', data.itemId)
    .that(data.itemId === undefined || data.meetingId !== undefined, 'itemId', 'an agenda item needs its meetingId')
    .codes('themes', data.themes)
    .instant('at', data.at)
    .done();
  if (state.status !== 'none') throw new RuleBroken('call-already-opened', 'This call for views is already open.');
  if (data.closesOn < londonDateOf(data.at)) {
    throw new RuleBroken('closing-date-in-past', 'A call for views cannot close before the day it opens.', {
      closesOn: data.closesOn,
    });
  }
  const { callId, closesOn, meetingId, itemId, themes, at } = data;
  return [
    {
      type: 'CallForViewsOpened',
      data: { callId, question: data.question.trim(), closesOn, meetingId, itemId, themes, at },
    },
  ];
}

function close({ data }: CloseCallForViews, state: CallForViewsState): CallForViewsEvent[] {
  checkInput().text('callId', data.callId).optionalText('reason', data.reason).instant('at', data.at).done();
  if (state.status === 'none') throw new NotFound('No such call for views.');
  if (state.status === 'closed-early' || isLate(state, data.at)) {
    throw new RuleBroken('call-closed', 'This call for views has already closed.', { closesOn: state.closesOn });
  }
  return [{ type: 'CallForViewsClosed', data: { callId: data.callId, reason: data.reason, at: data.at } }];
}
