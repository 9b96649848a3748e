// Dates as the ward writes them: dd/mm/yyyy in Vietnam's time zone.

/** The ward's time zone (UTC+7, no daylight saving). */
export const WARD_TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** Formats an instant as dd/mm/yyyy in the given time zone (Vietnam by default). */
export function formatDate(instant: string | Date, timeZone: string = WARD_TIME_ZONE): string {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  if (Number.isNaN(date.getTime())) return '';
  const parts = formatterFor(timeZone).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('day')}/${part('month')}/${part('year')}`;
}

// Creating an Intl.DateTimeFormat costs far more than using one (the benchmark showed it on the
// turns that show a campaign's deadline), so one is kept per time zone.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', { timeZone, day: '2-digit', month: '2-digit', year: 'numeric' });
    formatters.set(timeZone, f);
  }
  return f;
}
