// Dates as the ward writes them: dd/mm/yyyy in Vietnam's time zone.

/** The ward's time zone (UTC+7, no daylight saving). */
export const WARD_TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** Formats an instant as dd/mm/yyyy in the given time zone (Vietnam by default). */
export function formatDate(instant: string | Date, timeZone: string = WARD_TIME_ZONE): string {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  if (Number.isNaN(date.getTime())) return '';
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, day: '2-digit', month: '2-digit', year: 'numeric' }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('day')}/${part('month')}/${part('year')}`;
}
