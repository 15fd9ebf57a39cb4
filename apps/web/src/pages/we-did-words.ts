import type { TFunction } from 'i18next';
import type { PublicDecisionResponse, WeDidDecisionResponse, YouSaidWeDidEntryResponse } from '#voice';

// "You said, we did" (and, on "Check my view", a decision's actions) in the reader's language: every
// sentence is made here from the facts the query answers (counts, statuses, dates, codes), never from the
// API's English sentences. What the board
// and young people wrote (answers, resolutions, shared words) is shown as written. Pure.

/** A date ('2026-05-20') or an instant, written in the page's language. */
export type DateWords = (value: string) => string;

type Progress = Pick<WeDidDecisionResponse['actions'], 'total' | 'done' | 'late'>;
type Action = PublicDecisionResponse['actions'][number];
type Decision = Pick<WeDidDecisionResponse, 'status'> & { readonly changedAt?: string };

/** A theme's code in words for the middle of a sentence; an unknown code with its hyphens taken out. */
export function themeWords(t: TFunction, code: string): string {
  return t(`youSaid.themes.${code}`, { defaultValue: code.replaceAll('-', ' ') });
}

/** Who told the board, and about what: "2 young people told us about: health, leaving care." */
export function peopleWords(t: TFunction, entry: Pick<YouSaidWeDidEntryResponse, 'views' | 'themes'>): string {
  const people = t('youSaid.people', { count: entry.views });
  return entry.themes.length
    ? t('youSaid.toldAbout', { people, themes: entry.themes.map((theme) => themeWords(t, theme)).join(', ') })
    : t('youSaid.toldUs', { people });
}

/** How the things the board asked for are going. */
export function progressWords(t: TFunction, { total, done, late }: Progress): string {
  if (total === 0) return t('decision.progress.none');
  const things = t('decision.progress.things', { count: total });
  if (done === total) return t('decision.progress.allDone', { count: total, things });
  const part = t('decision.progress.done', { count: done, things });
  return part + (late > 0 ? t('decision.progress.late', { count: late }) : t('decision.progress.end'));
}

/** Where one thing the board asked for stands. */
export function actionWords(t: TFunction, date: DateWords, action: Action): string {
  if (action.status === 'cancelled') return t('decision.action.cancelled');
  const day = action.status === 'completed' ? (action.completedOn ?? action.dueOn) : action.dueOn;
  return t(`decision.action.${action.status}`, { date: date(day) });
}

/** An update on it, with its kind: "Done: the guide has the rule". */
export function updateWords(t: TFunction, update: Action['updates'][number]): string {
  return t(`decision.update.${update.kind}`, { note: update.note });
}

/** If the board changed or replaced the decision later; undefined while it stands. */
export function changedWords(t: TFunction, date: DateWords, decision: Decision): string | undefined {
  if (decision.status !== 'amended' && decision.status !== 'superseded') return undefined;
  return decision.changedAt
    ? t(`decision.changed.${decision.status}`, { date: date(decision.changedAt) })
    : t(`decision.changed.${decision.status}Undated`);
}
