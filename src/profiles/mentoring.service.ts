import { Injectable } from '@nestjs/common';
import { NotFound } from '../common/errors/domain-error.js';
import { sqlOne, type Queryable } from '../database/sql.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import { EventsService } from '../queues/events.service.js';
import type { MentoringSettings, MentoringSettingsDto } from './dto/mentoring.dto.js';
import { emitMatchingChanged } from './matching-events.js';

interface SettingsRow {
  accepting_mentees: boolean;
  mentor_capacity: number;
  active_mentees: number;
}

const toSettings = (r: SettingsRow): MentoringSettings => ({
  acceptingMentees: r.accepting_mentees,
  capacity: r.mentor_capacity,
  activeMentees: r.active_mentees,
  openSlots: Math.max(0, r.mentor_capacity - r.active_mentees),
});

/**
 * A mentor's opt-in and capacity. active_mentees is derived from mentorships by a trigger (in the statement
 * that starts or ends one, under this same row lock); this service only reads it.
 */
@Injectable()
export class MentoringService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly events: EventsService,
  ) {}

  async get(profileId: string, db: Queryable = this.uow.db): Promise<MentoringSettings> {
    const row = await sqlOne<SettingsRow>(
      db,
      `SELECT accepting_mentees, mentor_capacity, active_mentees FROM profiles WHERE id = $1`,
      [profileId],
    );
    if (!row) throw new NotFound('Profile');
    return toSettings(row);
  }

  /** Capacity below the current active count is allowed: no mentorship is ended, openSlots is just 0. */
  async put(profileId: string, dto: MentoringSettingsDto): Promise<MentoringSettings> {
    return this.uow.run(async (tx) => {
      const before = await sqlOne<SettingsRow>(
        tx,
        `SELECT accepting_mentees, mentor_capacity, active_mentees FROM profiles WHERE id = $1 FOR UPDATE`,
        [profileId],
      );
      if (!before) throw new NotFound('Profile');
      const after = await sqlOne<SettingsRow>(
        tx,
        `UPDATE profiles SET accepting_mentees = $2, mentor_capacity = $3, updated_at = now()
          WHERE id = $1 RETURNING accepting_mentees, mentor_capacity, active_mentees`,
        [profileId, dto.acceptingMentees, dto.capacity],
      );
      if (before.accepting_mentees !== dto.acceptingMentees || before.mentor_capacity !== dto.capacity) {
        await emitMatchingChanged(this.events, tx, profileId, ['mentoring']);
      }
      return toSettings(after!);
    });
  }
}
