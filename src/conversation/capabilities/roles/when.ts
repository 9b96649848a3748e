// Instants as the ward reads them in these messages: the time and the date of an invitation's
// expiry (it runs to the minute, seven days after it was made), in Vietnam's time zone.
import { WARD_TIME_ZONE, formatDate } from '../../../domain/dates.js';

const timeFormat = new Intl.DateTimeFormat('en-GB', { timeZone: WARD_TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** {time: "hh:mm", date: "dd/mm/yyyy"} in the ward's time zone; empty strings for a malformed instant. */
export function timeAndDate(iso: string): { time: string; date: string } {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return { time: '', date: '' };
  return { time: timeFormat.format(date), date: formatDate(date) };
}
