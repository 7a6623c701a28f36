import { registerDecorator, type ValidationOptions } from 'class-validator';

/**
 * Strict dates for every date field of the API. `Date.parse` rolls impossible days over (2027-02-30 is
 * 2 March) and accepts years past 9999, which later render as `+010000-…` (no valid iCalendar or
 * RFC 3339 form), so dates are checked field by field and bounded to years 1970–9999.
 */
export const MIN_YEAR = 1970;
export const MAX_YEAR = 9999;

// RFC 3339 date-time: seconds and an explicit offset are required; `T`/`Z` may be lower case (§5.6).
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?(?:[Zz]|([+-])(\d{2}):(\d{2}))$/;
const FULL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const daysIn = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

function isCalendarDay(y: string, m: string, d: string): boolean {
  const year = Number(y);
  const month = Number(m);
  const day = Number(d);
  return year >= MIN_YEAR && year <= MAX_YEAR && month >= 1 && month <= 12 && day >= 1 && day <= daysIn(year, month);
}

/** A full RFC 3339 date-time with offset (leap seconds refused: JavaScript dates cannot hold them). */
export function isDateTime(v: unknown): v is string {
  if (typeof v !== 'string') return false;
  const m = DATE_TIME.exec(v);
  if (!m || !isCalendarDay(m[1], m[2], m[3])) return false;
  if (Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6]) > 59) return false;
  if (m[8] !== undefined && (Number(m[9]) > 23 || Number(m[10]) > 59)) return false;
  // The offset may still carry the instant across the year bounds (9999-12-31T23:00:00-05:00).
  const year = new Date(v.toUpperCase()).getUTCFullYear();
  return year >= MIN_YEAR && year <= MAX_YEAR;
}

/** An RFC 3339 full-date, YYYY-MM-DD. */
export function isCalendarDate(v: unknown): v is string {
  if (typeof v !== 'string') return false;
  const m = FULL_DATE.exec(v);
  return m !== null && isCalendarDay(m[1], m[2], m[3]);
}

function dateDecorator(name: string, test: (v: unknown) => boolean, message: string, options?: ValidationOptions) {
  return (target: object, propertyName: string | symbol): void =>
    registerDecorator({
      name,
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message, ...options },
      validator: { validate: test },
    });
}

export const IsDateTime = (options?: ValidationOptions): PropertyDecorator =>
  dateDecorator(
    'isDateTime',
    isDateTime,
    `$property must be an RFC 3339 date-time with an offset (2027-03-15T18:00:00Z) in ${MIN_YEAR}–${MAX_YEAR}`,
    options,
  );

export const IsCalendarDate = (options?: ValidationOptions): PropertyDecorator =>
  dateDecorator(
    'isCalendarDate',
    isCalendarDate,
    `$property must be a calendar date YYYY-MM-DD between the years ${MIN_YEAR} and ${MAX_YEAR}`,
    options,
  );
