/**
 * The format's dates are Beijing dates: a report is published, and its year ends, on the calendar of China Standard
 * Time (UTC+8, no daylight saving). A server running on UTC or elsewhere must not move "today" by a day.
 */

/** The time zone of every date in the format. */
export const REPORT_TIME_ZONE = "Asia/Shanghai";

let formatter: Intl.DateTimeFormat | undefined;

/**
 * The calendar date of an instant in Beijing, as `YYYY-MM-DD` (Node's full ICU; no library). At 2024-12-31T16:30Z
 * it is already `2025-01-01` in Beijing.
 */
export function beijingDate(instant: Date = new Date()): string {
  formatter ??= new Intl.DateTimeFormat("en-CA", { timeZone: REPORT_TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit" });
  const parts = Object.fromEntries(formatter.formatToParts(instant).map((part) => [part.type, part.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** The year of an instant in Beijing. */
export function beijingYear(instant: Date = new Date()): number {
  return Number(beijingDate(instant).slice(0, 4));
}

/** Noon in Beijing of a `YYYY-MM-DD` date: the instant to pass as `today` for that date, whatever the machine's zone. */
export function beijingNoon(isoDate: string): Date {
  return new Date(`${isoDate}T12:00:00+08:00`);
}
