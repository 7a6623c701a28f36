import { describe, it, expect } from '@jest/globals';
import ICAL from 'ical.js';
import fc from 'fast-check';
import { renderCalendar, type IcsEvent } from './render-calendar.js';
import { escapeText, foldLine } from './ics-text.js';

const now = new Date('2027-03-01T09:30:15.123Z');
const opts = { uidDomain: 'guildhall.example', now, calendarName: 'Guildhall: my meetups' };

function inPerson(overrides: Partial<IcsEvent> = {}): IcsEvent {
  return {
    id: '6f1c2e0a-2b7e-4d8e-9b1a-3c4d5e6f7a8b',
    title: 'PostgreSQL, indexes; and you',
    description: 'Line one\nLine two, with a comma; a semicolon and a back\\slash',
    startsAt: new Date('2027-03-15T18:00:00Z'),
    endsAt: new Date('2027-03-15T20:30:00Z'),
    timezone: 'Europe/Berlin',
    status: 'scheduled',
    online: false,
    onlineUrl: null,
    venue: {
      name: 'Café Zürich',
      address: 'Hauptstraße 1, 2. OG',
      city: 'Berlin',
      country: 'DE',
      lat: 52.520008,
      lng: 13.404954,
    },
    organizerName: 'Ada "the organizer" Lovelace',
    updatedAt: new Date('2027-02-20T12:00:00Z'),
    sequence: 3,
    ...overrides,
  };
}

function online(overrides: Partial<IcsEvent> = {}): IcsEvent {
  return inPerson({
    id: 'a0b1c2d3-0000-4000-8000-000000000002',
    title: 'Remote: NestJS queues',
    online: true,
    onlineUrl: 'https://meet.example.org/room/nestjs?pwd=a,b;c',
    venue: null,
    organizerName: undefined,
    sequence: undefined,
    ...overrides,
  });
}

function parse(ics: string): ICAL.Component {
  return new ICAL.Component(ICAL.parse(ics));
}

function vevents(ics: string): ICAL.Component[] {
  return parse(ics).getAllSubcomponents('vevent');
}

function physicalLines(ics: string): string[] {
  expect(ics.endsWith('\r\n')).toBe(true);
  return ics.slice(0, -2).split('\r\n');
}

describe('renderCalendar', () => {
  it('writes the calendar header properties', () => {
    const cal = parse(renderCalendar([inPerson()], opts));
    expect(cal.name).toBe('vcalendar');
    expect(cal.getFirstPropertyValue('version')).toBe('2.0');
    expect(cal.getFirstPropertyValue('prodid')).toBe('-//Guildhall//Meetups//EN');
    expect(cal.getFirstPropertyValue('calscale')).toBe('GREGORIAN');
    expect(cal.getFirstPropertyValue('method')).toBe('PUBLISH');
    expect(cal.getFirstPropertyValue('x-wr-calname')).toBe('Guildhall: my meetups');
  });

  it('honours a custom PRODID and leaves X-WR-CALNAME out when no name is given', () => {
    const ics = renderCalendar([], { uidDomain: 'x.test', now, prodId: '-//Acme, Inc//Cal//EN' });
    const cal = parse(ics);
    expect(cal.getFirstPropertyValue('prodid')).toBe('-//Acme, Inc//Cal//EN');
    expect(cal.hasProperty('x-wr-calname')).toBe(false);
    expect(cal.getAllSubcomponents('vevent')).toHaveLength(0);
  });

  it('round-trips an in-person event through ical.js', () => {
    const event = inPerson();
    const ics = renderCalendar([event], opts);
    const [vevent] = vevents(ics);
    const parsed = new ICAL.Event(vevent);

    expect(parsed.uid).toBe(`${event.id}@guildhall.example`);
    expect(parsed.summary).toBe(event.title);
    expect(parsed.description).toBe(event.description);
    expect(parsed.location).toBe('Café Zürich, Hauptstraße 1, 2. OG, Berlin, DE');
    expect(parsed.startDate.toJSDate().toISOString()).toBe('2027-03-15T18:00:00.000Z');
    expect(parsed.endDate.toJSDate().toISOString()).toBe('2027-03-15T20:30:00.000Z');
    expect(parsed.startDate.zone?.tzid).toBe('UTC');
    expect(parsed.sequence).toBe(3);
    expect(vevent.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(vevent.getFirstPropertyValue('geo')).toEqual([52.520008, 13.404954]);
    expect((vevent.getFirstPropertyValue('dtstamp') as ICAL.Time).toJSDate().toISOString()).toBe(
      '2027-03-01T09:30:15.000Z',
    );
    expect((vevent.getFirstPropertyValue('last-modified') as ICAL.Time).toJSDate().toISOString()).toBe(
      '2027-02-20T12:00:00.000Z',
    );
    expect(vevent.hasProperty('url')).toBe(false);
    const organizer = vevent.getFirstProperty('organizer');
    expect(organizer?.getParameter('cn')).toBe('Ada "the organizer" Lovelace');
    expect(organizer?.getFirstValue()).toBe('mailto:noreply@guildhall.example');
  });

  it('writes DATE-TIME values in the UTC basic form', () => {
    const ics = renderCalendar([inPerson()], opts);
    expect(ics).toContain('\r\nDTSTART:20270315T180000Z\r\n');
    expect(ics).toContain('\r\nDTEND:20270315T203000Z\r\n');
    expect(ics).toContain('\r\nDTSTAMP:20270301T093015Z\r\n');
    expect(ics).toContain('\r\nLAST-MODIFIED:20270220T120000Z\r\n');
    expect(ics).toContain('\r\nGEO:52.520008;13.404954\r\n');
  });

  it('gives an online event a URL and uses the link as its LOCATION', () => {
    const event = online();
    const [vevent] = vevents(renderCalendar([event], opts));
    expect(vevent.getFirstPropertyValue('url')).toBe(event.onlineUrl);
    expect(vevent.getFirstPropertyValue('location')).toBe(event.onlineUrl);
    expect(vevent.hasProperty('geo')).toBe(false);
    expect(vevent.hasProperty('organizer')).toBe(false);
    expect(vevent.getFirstPropertyValue('sequence')).toBe(0);
  });

  it('keeps the venue as LOCATION for a hybrid event and still adds the URL', () => {
    const event = inPerson({ online: true, onlineUrl: 'https://stream.example.org/live' });
    const [vevent] = vevents(renderCalendar([event], opts));
    expect(vevent.getFirstPropertyValue('location')).toBe('Café Zürich, Hauptstraße 1, 2. OG, Berlin, DE');
    expect(vevent.getFirstPropertyValue('url')).toBe('https://stream.example.org/live');
  });

  it('marks a cancelled meetup STATUS:CANCELLED', () => {
    const [vevent] = vevents(renderCalendar([inPerson({ status: 'cancelled', sequence: 4 })], opts));
    expect(vevent.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(vevent.getFirstPropertyValue('sequence')).toBe(4);
  });

  it('writes one VEVENT per event with stable, distinct UIDs', () => {
    const events = [inPerson(), online()];
    const first = renderCalendar(events, opts);
    const second = renderCalendar(events, { ...opts, now: new Date('2027-04-01T00:00:00Z') });
    const uids = (ics: string) => vevents(ics).map((v) => v.getFirstPropertyValue('uid'));
    expect(uids(first)).toEqual([`${events[0].id}@guildhall.example`, `${events[1].id}@guildhall.example`]);
    expect(uids(second)).toEqual(uids(first));
  });

  it('folds long lines with emoji and accents at 75 octets and round-trips them', () => {
    const description =
      'Ünïcödé façade — we will talk about Postgres 🐘, Node.js 🟩 and queues 🐂, ' +
      'bring a laptop 💻; questions, comments and \\ backslashes welcome.\n'.repeat(8) +
      '👩🏽‍💻'.repeat(40) +
      'é'.repeat(200);
    const title = `${'Ω'.repeat(30)} ${'x'.repeat(100)} 🎉`;
    const event = inPerson({ description, title });
    const ics = renderCalendar([event, online({ description })], opts);

    const lines = physicalLines(ics);
    expect(lines.some((line) => line.startsWith(' '))).toBe(true);
    for (const line of lines) {
      expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
      expect(line).not.toMatch(/[\r\n]/);
      // A cut multi-byte character would surface as U+FFFD after a UTF-8 round trip.
      expect(Buffer.from(line, 'utf8').toString('utf8')).toBe(line);
    }
    const [first, second] = vevents(ics).map((v) => new ICAL.Event(v));
    expect(first.description).toBe(description);
    expect(first.summary).toBe(title);
    expect(second.description).toBe(description);
  });

  it('ends every line with CRLF and has no bare CR or LF', () => {
    const ics = renderCalendar([inPerson({ description: 'a\r\nb\rc\nd' }), online()], opts);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const [vevent] = vevents(ics);
    expect(vevent.getFirstPropertyValue('description')).toBe('a\nb\nc\nd');
  });

  it('round-trips arbitrary Unicode titles and descriptions within 75-octet lines', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 300 }),
        fc.string({ unit: 'binary', maxLength: 120 }),
        (description, title) => {
          const ics = renderCalendar([inPerson({ description, title })], opts);
          for (const line of physicalLines(ics)) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
          // Control characters other than TAB are not allowed in TEXT and are dropped; line breaks survive as \n.
          const expected = (s: string) => s.replace(/\r\n|\r/g, '\n').replace(/[^\P{Cc}\t\n\u0080-\u009f]/gu, '');
          const parsed = new ICAL.Event(vevents(ics)[0]);
          expect(parsed.description).toBe(expected(description));
          expect(parsed.summary).toBe(expected(title));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('rejects an invalid Date rather than writing a broken DATE-TIME', () => {
    expect(() => renderCalendar([inPerson({ startsAt: new Date('nope') })], opts)).toThrow(RangeError);
  });
});

describe('ics text helpers', () => {
  it('escapes backslash, comma, semicolon and newlines', () => {
    expect(escapeText('a\\b,c;d\ne')).toBe('a\\\\b\\,c\\;d\\ne');
    expect(escapeText('x\u0007y\tz')).toBe('xy\tz');
  });

  it('leaves short lines alone and starts continuations with one space', () => {
    expect(foldLine('SUMMARY:short')).toBe('SUMMARY:short');
    const folded = foldLine(`DESCRIPTION:${'a'.repeat(200)}`);
    const parts = folded.split('\r\n');
    expect(parts[0]).toHaveLength(75);
    expect(parts.slice(1).every((p) => p.startsWith(' ') && !p.startsWith('  ') && p.length <= 75)).toBe(true);
    expect(parts.map((p, i) => (i === 0 ? p : p.slice(1))).join('')).toBe(`DESCRIPTION:${'a'.repeat(200)}`);
  });

  it('never splits a 4-byte character across lines', () => {
    const line = `X:${'🐘'.repeat(60)}`;
    const parts = foldLine(line).split('\r\n');
    for (const part of parts) {
      expect(Buffer.byteLength(part, 'utf8')).toBeLessThanOrEqual(75);
      expect(part.replace(/^ /, '').replace(/^X:/, '')).toMatch(/^(🐘)*$/u);
    }
  });
});
