// Dates of the review path as the ward writes them: a deadline with its time ("17:30 05/12/2026"),
// a day typed by an officer ("5/12/2026", "05-12-2026") read into yyyy-mm-dd, and yyyy-mm-dd shown
// as dd/mm/yyyy. The ward's time zone is Vietnam's.
import { WARD_TIME_ZONE, formatDate } from '../../../domain/dates.js';

const timeFormat = new Intl.DateTimeFormat('en-GB', { timeZone: WARD_TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** An instant as "HH:mm dd/mm/yyyy" in the ward's time zone (the end of a posting period). */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return `${timeFormat.format(date)} ${formatDate(date)}`;
}

/** A day stored as yyyy-mm-dd, shown as dd/mm/yyyy. */
export function formatDay(day: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : day;
}

/** Reads a day typed as dd/mm/yyyy (also with - or . and without leading zeros; a two-digit year is 20yy) into yyyy-mm-dd; null when it is no real day. */
export function parseDay(input: string): string | null {
  const m = /^\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{2}|\d{4})\s*$/.exec(input);
  if (!m) return null;
  const day = Number(m[1]);
  const month = Number(m[2]);
  const year = m[3]!.length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Adds days to a yyyy-mm-dd day. */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
