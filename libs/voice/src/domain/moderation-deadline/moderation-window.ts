import { addDays, londonDateOf, londonStartOfDay, workingDaysAfter, type CalendarJurisdiction } from '#kernel';

/** Working days a person has to read a view (or an author's answer): 2 unless the board sets another. */
export const MODERATION_WINDOW_WORKING_DAYS = { default: 2, min: 1, max: 10 } as const;

/**
 * When a view that started waiting at `since` must have been read by: the end of the
 * `windowWorkingDays`th working day after the London day it arrived, on the board's own calendar of bank
 * holidays. The day it arrived never counts, so a view sent at 16:59 gets as long as one sent at 09:00.
 * Given on the Thursday before Easter with the default window, Good Friday, the weekend and Easter
 * Monday are skipped: it is due by the end of Wednesday (midnight starting Thursday, London time).
 */
export function moderationDueBy(since: string, windowWorkingDays: number, jurisdiction: CalendarJurisdiction): string {
  const lastDay = workingDaysAfter(londonDateOf(since), windowWorkingDays, jurisdiction);
  return londonStartOfDay(addDays(lastDay, 1));
}
