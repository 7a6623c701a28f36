// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { groupByDay, slotName, slotTime } from './slot-days';

const at = (startsAt: string) => ({ startsAt });

describe('slot days', () => {
  it('names a start by its weekday, date and time in the viewer’s zone', () => {
    expect(slotName('2026-12-07T17:00:00Z', 'Europe/Berlin', 'en-GB')).toBe('Mon 7 Dec, 18:00');
    expect(slotTime('2026-12-07T17:00:00Z', 'Asia/Kolkata', 'en-GB')).toBe('22:30');
  });

  it('groups by the calendar day in the viewer’s zone, not UTC’s', () => {
    // 02:00 UTC on Tuesday is still Monday evening in Los Angeles.
    const days = groupByDay(
      [at('2026-12-08T01:00:00Z'), at('2026-12-08T02:00:00Z'), at('2026-12-08T17:00:00Z')],
      'America/Los_Angeles',
      'en-GB',
    );
    expect(days.map((d) => [d.date, d.label, d.slots.length])).toEqual([
      ['2026-12-07', 'Monday 7 December', 2],
      ['2026-12-08', 'Tuesday 8 December', 1],
    ]);
  });

  it('puts a day that crosses a DST change under one date', () => {
    // Europe/Berlin leaves summer time on 25 Oct 2026 at 03:00 local (01:00 UTC).
    const days = groupByDay([at('2026-10-24T22:30:00Z'), at('2026-10-25T01:30:00Z')], 'Europe/Berlin', 'en-GB');
    expect(days).toHaveLength(1);
    expect(days[0].slots.map((s) => slotTime(s.startsAt, 'Europe/Berlin', 'en-GB'))).toEqual(['00:30', '02:30']);
  });

  it('has no days for no slots', () => {
    expect(groupByDay([], 'UTC')).toEqual([]);
  });
});
