let browserZone: string | null = null;

/**
 * The browser's IANA time zone (proposed on the profile, and used for times before sign-in). Asked once: building
 * the formatter that knows it costs milliseconds, and every page that shows a time asks on each render.
 */
export function browserTimeZone(): string {
  browserZone ??= Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  return browserZone;
}

/** Every IANA zone the browser knows, for the time zone picker. */
export function allTimeZones(): string[] {
  const zones = Intl.supportedValuesOf('timeZone');
  return zones.includes('UTC') ? zones : ['UTC', ...zones];
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * An Intl.DateTimeFormat, built once per locale and options: building one costs far more than formatting with
 * it, and a list formats every row the same way.
 */
export function dateTimeFormat(locale: string | undefined, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale ?? ''}|${JSON.stringify(options)}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, format);
  }
  return format;
}

/**
 * A date and time in the given zone, the zone named: "Tue, 3 Dec 2026, 18:30 (Europe/Berlin)"; with seconds for
 * things that happen more than once a minute (match runs).
 */
export function formatDateTime(iso: string, timeZone: string, { seconds = false } = {}): string {
  const format = dateTimeFormat(undefined, {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    ...(seconds ? { second: '2-digit' } : {}),
  });
  return `${format.format(new Date(iso))} (${timeZone})`;
}

/** A calendar date (YYYY-MM-DD, no zone) as words: "31 Dec 2026". */
export function formatDate(date: string): string {
  const [y, m, d] = date.slice(0, 10).split('-').map(Number);
  const format = dateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  return format.format(new Date(Date.UTC(y, m - 1, d)));
}

/**
 * Builds the formatter most pages need first (a time in the browser's zone), in a task of its own: the first
 * Intl formatter of a page loads the locale's data, tens of milliseconds on a phone, which otherwise lands inside
 * the render that first shows a time and makes it a long task.
 */
export function warmUpDateFormats(): void {
  setTimeout(() => formatDateTime(new Date().toISOString(), browserTimeZone()), 0);
}
