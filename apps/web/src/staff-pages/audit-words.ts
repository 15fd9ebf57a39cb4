import type { TFunction } from 'i18next';
import type { ActorView, HistoryEntry } from '#audit';
import { londonDateOf } from '#platform';

// The auditor's pages' sentences, in the reader's language, from the facts the queries answer. Every word
// is in src/locales/<lang>.json under "audit"; what an event said comes from its data as recorded (board
// events carry no young person's words; minutes' text is not repeated).

/** A date and time as London saw it, in the reader's language: "7 December 2026 at 3:05pm" (to the second on a timeline). */
export function dateTimeWords(iso: string, locale: string, t: TFunction, seconds = false): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const day = new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/London',
  }).format(date);
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/London',
      hour: 'numeric',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h12',
    })
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  );
  const time = seconds
    ? `${parts.hour}:${parts.minute}:${parts.second}`
    : parts.minute === '00'
      ? parts.hour
      : `${parts.hour}:${parts.minute}`;
  return t('audit.dateAt', { day, time: `${time}${String(parts.dayPeriod).toLowerCase()}` });
}

/** A date ('2026-03-20') and time ('17:00' or '17:00:30') on UK clocks as a UTC instant; undefined when not a real one. */
export function londonInstant(date: string, time: string): string | undefined {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const h = /^(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(time);
  if (!d || !h) return undefined;
  const [y, mo, day] = [Number(d[1]), Number(d[2]), Number(d[3])];
  const [hh, mi, ss] = [Number(h[1]), Number(h[2]), Number(h[3] ?? 0)];
  if (hh > 23 || mi > 59 || ss > 59) return undefined;
  const asUtc = Date.UTC(y, mo - 1, day, hh, mi, ss);
  if (new Date(Date.UTC(y, mo - 1, day)).getUTCDate() !== day) return undefined;
  // The offset at the guessed instant, then again at the corrected one (a clock change in between).
  let instant = asUtc - londonOffset(asUtc);
  instant = asUtc - londonOffset(instant);
  return new Date(instant).toISOString();
}

function londonOffset(ms: number): number {
  const wall = londonDateOf(new Date(ms).toISOString());
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/London',
      hourCycle: 'h23',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
      .formatToParts(new Date(ms))
      .map((p) => [p.type, p.value]),
  );
  const [y, m, d] = wall.split('-').map(Number) as [number, number, number];
  const local = Date.UTC(y, m - 1, d, Number(parts.hour), Number(parts.minute), Number(parts.second));
  return local - (ms - (ms % 1000));
}

/** What the events hold only ids of: members' names, items' titles, decisions' short references. */
export interface Names {
  name(id: unknown): string;
  item(id: unknown): string;
  decision(id: unknown, none: string): string;
}

type Data = Readonly<Record<string, unknown>>;
type Said = (d: Data, n: Names, t: TFunction, when: (iso: string) => string) => string;

const why = (t: TFunction, reason: unknown) => (reason ? t('audit.said.because', { reason: String(reason) }) : '');
const present = (t: TFunction, d: Data) =>
  t(d.quorate ? 'audit.said.presentQuorate' : 'audit.said.presentNotQuorate', { count: Number(d.presentCount) });

const SAID: Record<string, Said> = {
  DecisionRecorded: (d, n, t) =>
    t('audit.said.DecisionRecorded', {
      decision: n.decision(d.decisionId, t('audit.said.theDecision')),
      item: n.item(d.itemId),
      resolution: String(d.resolution ?? ''),
    }),
  DecisionAmended: (d, n, t) =>
    t('audit.said.DecisionAmended', {
      decision: n.decision(d.byDecisionId, t('audit.said.aLaterDecision')),
      changes: String(d.changes ?? ''),
    }),
  DecisionSuperseded: (d, n, t) =>
    t('audit.said.DecisionSuperseded', { decision: n.decision(d.byDecisionId, t('audit.said.aLaterDecision')) }) +
    why(t, d.reason),
  MeetingScheduled: (d, _n, t, when) =>
    t('audit.said.MeetingScheduled', {
      title: String(d.title ?? ''),
      when: when(String(d.startsAt)),
      quorum: Number(d.quorum),
    }),
  MeetingRescheduled: (d, _n, t, when) =>
    t('audit.said.MeetingRescheduled', { when: when(String(d.startsAt)) }) + why(t, d.reason),
  MeetingCancelled: (d, _n, t) => t('audit.said.MeetingCancelled') + why(t, d.reason),
  AgendaItemAdded: (d, _n, t) =>
    t('audit.said.AgendaItemAdded', {
      title: String(d.title ?? ''),
      purpose: t(`audit.purpose.${String(d.purpose)}`, { defaultValue: String(d.purpose) }),
    }) + (d.urgencyReason ? t('audit.said.afterPublished') : ''),
  AgendaItemWithdrawn: (d, n, t) => t('audit.said.AgendaItemWithdrawn', { item: n.item(d.itemId) }) + why(t, d.reason),
  AgendaReordered: (_d, _n, t) => t('audit.said.AgendaReordered'),
  AgendaPublished: (d, _n, t) =>
    t('audit.said.AgendaPublished', {
      days: Number(d.clearWorkingDays),
      needed: Number(d.requiredClearWorkingDays),
    }),
  MeetingOpened: (d, _n, t) =>
    t('audit.said.MeetingOpened', { count: Number(d.presentCount), quorum: Number(d.quorum) }) +
    (d.quorate ? '' : t('audit.said.notQuorate')),
  InterestDeclared: (d, n, t) =>
    t('audit.said.InterestDeclared', { member: n.name(d.memberId), item: n.item(d.itemId) }),
  MemberLeft: (d, n, t) => t('audit.said.MemberLeft', { member: n.name(d.memberId), present: present(t, d) }),
  MemberArrived: (d, n, t) =>
    t(d.status === 'substitute' ? 'audit.said.MemberArrivedSubstitute' : 'audit.said.MemberArrived', {
      member: n.name(d.memberId),
      present: present(t, d),
    }),
  MinutesRecorded: (d, n, t) => t('audit.said.MinutesRecorded', { item: n.item(d.itemId) }),
  MeetingClosed: (_d, _n, t) => t('audit.said.MeetingClosed'),
  MeetingAdjourned: (d, _n, t) => t('audit.said.MeetingAdjourned') + why(t, d.reason),
  MinutesDrafted: (_d, _n, t) => t('audit.said.MinutesDrafted'),
  MinutesApproved: (d, n, t) =>
    t('audit.said.MinutesApproved', { decision: n.decision(d.decisionId, t('audit.said.aDecision')) }),
  MinutesPublished: (_d, _n, t) => t('audit.said.MinutesPublished'),
};

/** An event in plain words; an unknown type is spelt out ('Something Happened'). */
export function plainWords(event: HistoryEntry, names: Names, t: TFunction, when: (iso: string) => string): string {
  const words = SAID[event.type]?.(event.data ?? {}, names, t, when) ?? event.type.replace(/([a-z])([A-Z])/g, '$1 $2');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function actorWords(actor: ActorView | null | undefined, t: TFunction): string {
  if (!actor) return t('audit.actor.unknown');
  if (actor.role === 'young-person') return t('audit.actor.youngPerson');
  return actor.name
    ? t('audit.actor.named', { name: actor.name, role: actor.role })
    : t('audit.actor.unnamed', { role: actor.role });
}
