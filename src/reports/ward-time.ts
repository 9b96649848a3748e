// Instants and dates as the ward sees them. Spreadsheets have no time zones: a date cell must
// hold the ward's wall-clock time, so an instant is shifted by the ward's offset before it is
// written (Excel then shows 06/03/2026 for 2026-03-05T20:00Z in Asia/Ho_Chi_Minh).

const DAY = 86_400_000;

/**
 * Converts instants to the ward's wall clock. Asking Intl for an offset is slow (a report of
 * 10,000 nominations asks for tens of thousands), so the offset is cached per UTC day when it is
 * the same at both ends of that day; on a day the zone changes its offset, each instant is asked.
 */
export class WardClock {
  private readonly parts: Intl.DateTimeFormat;
  private readonly days = new Map<number, number | null>();

  constructor(readonly timeZone: string) {
    this.parts = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  }

  /** A Date whose UTC fields are the ward's wall-clock fields at that instant (for date cells). */
  wallClock(instant: string | Date): Date {
    const ms = typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
    return new Date(ms + this.offsetAt(ms));
  }

  /** The ward's calendar date of an instant, as a Date at UTC midnight. */
  wardDate(instant: string | Date): Date {
    const wall = this.wallClock(instant);
    return new Date(Date.UTC(wall.getUTCFullYear(), wall.getUTCMonth(), wall.getUTCDate()));
  }

  /** The ward's calendar date of an instant as yyyy-mm-dd. */
  isoDate(instant: string | Date): string {
    return this.wallClock(instant).toISOString().slice(0, 10);
  }

  private offsetAt(ms: number): number {
    const day = Math.floor(ms / DAY);
    let offset = this.days.get(day);
    if (offset === undefined) {
      const start = this.askOffset(day * DAY);
      offset = start === this.askOffset(day * DAY + DAY - 1000) ? start : null;
      if (this.days.size > 50_000) this.days.clear();
      this.days.set(day, offset);
    }
    return offset ?? this.askOffset(ms);
  }

  private askOffset(ms: number): number {
    const p = Object.fromEntries(this.parts.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
    const asUtc = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
    return asUtc - Math.floor(ms / 1000) * 1000;
  }
}

/** A calendar date (yyyy-mm-dd) as a Date at UTC midnight, for date cells. */
export function calendarDate(isoDate: string): Date {
  return new Date(`${isoDate}T00:00:00.000Z`);
}

/** A calendar date (yyyy-mm-dd) written as the ward writes dates: dd/mm/yyyy. */
export function formatCalendarDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-');
  return `${d}/${m}/${y}`;
}
