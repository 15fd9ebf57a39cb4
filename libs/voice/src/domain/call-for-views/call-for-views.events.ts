import type { DomainEvent } from '#kernel';
import type { OpenCallForViews } from './call-for-views.commands.js';

export const callForViewsStream = (callId: string): string => `call-for-views-${callId}`;

export type CallForViewsOpened = DomainEvent<'CallForViewsOpened', OpenCallForViews['data']>;

export type CallForViewsClosed = DomainEvent<
  'CallForViewsClosed',
  { readonly callId: string; readonly reason?: string; readonly at: string }
>;

export type CallForViewsEvent = CallForViewsOpened | CallForViewsClosed;
