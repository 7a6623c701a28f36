import { Injectable } from '@nestjs/common';
import { Conflict, NotFound } from '../common/errors/domain-error.js';
import { sqlOne } from '../database/sql.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import type { AvailabilityWindow } from '../matching/scoring/types.js';
import type { SlotList, SlotsQuery } from './dto/session.dto.js';
import { computeSlots, type Span } from './slots/compute-slots.js';

const DAY_MS = 86_400_000;

interface SlotInputRow {
  status: 'active' | 'completed';
  learner_availability: AvailabilityWindow[];
  learner_timezone: string;
  learner_busy: [number, number][];
  mentor_availability: AvailabilityWindow[];
  mentor_timezone: string;
  mentor_busy: [number, number][];
}

/**
 * Live sessions of one person overlapping the range, as [start, end] epoch-ms pairs (an index probe on the
 * exclusion constraint's GiST index).
 */
const busyOf = (who: string) => `(
  SELECT coalesce(json_agg(json_build_array(
           (extract(epoch FROM lower(sp.period)) * 1000)::bigint,
           (extract(epoch FROM upper(sp.period)) * 1000)::bigint)), '[]')
    FROM session_participants sp
   WHERE sp.profile_id = m.${who}_id AND sp.active AND sp.period && tstzrange($3, $4))`;

/** Slots where a session fits both people's week: one SQL read, then the pure computeSlots. */
@Injectable()
export class SessionSlotsService {
  constructor(private readonly uow: UnitOfWork) {}

  async slots(userId: string, mentorshipId: string, q: SlotsQuery, now = Date.now()): Promise<SlotList> {
    const from = q.from !== undefined ? Date.parse(q.from) : now;
    const days = q.days ?? 14;
    const minutes = q.minutes ?? 60;
    const to = from + days * DAY_MS + minutes * 60_000;
    const row = await sqlOne<SlotInputRow>(
      this.uow.dataSource,
      `SELECT m.status,
              l.availability AS learner_availability, l.timezone AS learner_timezone,
              ${busyOf('learner')} AS learner_busy,
              t.availability AS mentor_availability, t.timezone AS mentor_timezone, ${busyOf('mentor')} AS mentor_busy
         FROM mentorships m
         JOIN profiles l ON l.id = m.learner_id
         JOIN profiles t ON t.id = m.mentor_id
        WHERE m.id = $1 AND (m.learner_id = $2 OR m.mentor_id = $2)`,
      [mentorshipId, userId, new Date(from), new Date(to)],
    );
    if (!row) throw new NotFound('Mentorship');
    if (row.status !== 'active')
      throw new Conflict('MENTORSHIP_NOT_ACTIVE', 'A completed mentorship takes no new sessions.');
    const span = (b: [number, number]): Span => [Number(b[0]), Number(b[1])];
    const slots = computeSlots(
      { from, days, minutes },
      {
        availability: row.learner_availability ?? [],
        timezone: row.learner_timezone,
        busy: row.learner_busy.map(span),
      },
      { availability: row.mentor_availability ?? [], timezone: row.mentor_timezone, busy: row.mentor_busy.map(span) },
    );
    return {
      items: slots.map((s) => ({
        startsAt: new Date(s.startsAt).toISOString(),
        endsAt: new Date(s.endsAt).toISOString(),
      })),
    };
  }
}
