import { Inject, Injectable } from '@nestjs/common';
import type { AuthUser } from '../common/auth/auth-user.js';
import { Conflict, Forbidden, NotFound, ValidationFailed } from '../common/errors/domain-error.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { sql, sqlOne, type Queryable } from '../database/sql.js';
import { UnitOfWork, type Tx } from '../database/unit-of-work.js';
import type { EventType } from '../queues/event-types.js';
import { SkillsService } from '../skills/skills.service.js';
import { EventsService } from '../queues/events.service.js';
import type { CreateMeetupDto, UpdateMeetupDto } from './dto/meetup.dto.js';
import type { MeetupView } from './dto/meetup.responses.js';
import { renderCalendar } from './ical/render-calendar.js';
import { chunk, crossFieldErrors, notifiableChanges, RECIPIENTS_PER_EVENT, type MeetupFields } from './meetup-rules.js';
import {
  fieldsOf,
  MEETUP_COLUMNS,
  type MeetupPreview,
  seesOnlineUrl,
  toIcsEvent,
  toMeetupView,
  toViewerMeetupView,
  VIEWER_RSVP_COLUMNS,
  viewerRsvpJoin,
  type MeetupRow,
  type ViewerRsvpRow,
} from './meetup.view.js';
import { promoteWaitlist, removeMemberRsvps } from './rsvp-transaction.js';

@Injectable()
export class MeetupsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly events: EventsService,
    private readonly skills: SkillsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async create(user: AuthUser, dto: CreateMeetupDto): Promise<MeetupView> {
    const fields: MeetupFields = {
      title: dto.title,
      description: dto.description,
      startsAt: new Date(dto.startsAt),
      endsAt: new Date(dto.endsAt),
      timezone: dto.timezone,
      online: dto.online,
      onlineUrl: dto.onlineUrl ?? null,
      venue: dto.venue ? { ...dto.venue } : null,
      capacity: dto.capacity,
      skills: dto.skills,
      level: dto.level ?? null,
    };
    return this.uow.run(async (tx) => {
      await this.assertValid(tx, fields);
      const row = (await sqlOne<{ id: string }>(
        tx,
        `INSERT INTO meetups (organizer_id, title, description, starts_at, ends_at, timezone, online, online_url,
                              venue_name, venue_address, venue_city, venue_country, lat, lng, capacity, level,
                                reminder_offsets)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17) RETURNING id`,
        [user.id, ...columnValues(fields), this.config.meetupReminderOffsetsSeconds],
      ))!;
      await this.writeSkills(tx, row.id, fields.skills);
      await this.events.emit(tx, 'meetup.created', { meetupId: row.id });
      return toMeetupView(await this.load(tx, row.id));
    });
  }

  /**
   * The organizer edits; the merged result is validated as a whole. Lowering capacity below the going
   * count is 409; raising it promotes the waitlist. A change of time, place or link notifies everyone
   * going or waitlisted, in the same transaction.
   */
  async update(user: AuthUser, id: string, dto: UpdateMeetupDto): Promise<MeetupView> {
    return this.uow.run(async (tx) => {
      const row = await this.lockOwned(tx, user, id);
      if (row.status === 'cancelled') throw new Conflict('MEETUP_CANCELLED', 'A cancelled meetup cannot be edited.');
      const before = fieldsOf(row);
      const after: MeetupFields = {
        title: dto.title ?? before.title,
        description: dto.description ?? before.description,
        startsAt: dto.startsAt ? new Date(dto.startsAt) : before.startsAt,
        endsAt: dto.endsAt ? new Date(dto.endsAt) : before.endsAt,
        timezone: dto.timezone ?? before.timezone,
        online: dto.online ?? before.online,
        onlineUrl: dto.onlineUrl === undefined ? before.onlineUrl : dto.onlineUrl,
        venue: dto.venue === undefined ? before.venue : dto.venue && { ...dto.venue },
        capacity: dto.capacity ?? before.capacity,
        skills: dto.skills ?? before.skills,
        level: dto.level === undefined ? before.level : dto.level,
      };
      await this.assertValid(tx, after);
      if (after.capacity < row.going_count) {
        throw new Conflict(
          'CAPACITY_BELOW_GOING',
          `capacity cannot go below the ${row.going_count} members already going.`,
          {
            goingCount: row.going_count,
          },
        );
      }
      const changes = notifiableChanges(before, after);
      await sql(
        tx,
        `UPDATE meetups SET title = $2, description = $3, starts_at = $4, ends_at = $5, timezone = $6, online = $7,
                online_url = $8, venue_name = $9, venue_address = $10, venue_city = $11, venue_country = $12,
                lat = $13, lng = $14, capacity = $15, level = $16,
                sequence = sequence + $17, updated_at = now()
          WHERE id = $1`,
        [id, ...columnValues(after), changes.length ? 1 : 0],
      );
      if (dto.skills) await this.writeSkills(tx, id, after.skills);
      if (after.capacity > row.going_count && row.waitlist_count > 0) {
        await promoteWaitlist(tx, id, after.capacity - row.going_count);
      }
      if (changes.length) {
        const payload: Record<string, unknown> = { meetupId: id, changes, startsAt: after.startsAt.toISOString() };
        if (changes.includes('startsAt')) payload.previousStartsAt = before.startsAt.toISOString();
        await this.notifyAudience(tx, 'meetup.updated', id, payload);
      }
      return toMeetupView(await this.load(tx, id));
    });
  }

  async cancel(user: AuthUser, id: string): Promise<MeetupView> {
    return this.uow.run(async (tx) => {
      const row = await this.lockOwned(tx, user, id);
      if (row.status === 'cancelled') throw new Conflict('MEETUP_CANCELLED', 'This meetup is already cancelled.');
      await sql(
        tx,
        `UPDATE meetups SET status = 'cancelled', cancelled_at = now(), sequence = sequence + 1, updated_at = now()
         WHERE id = $1`,
        [id],
      );
      await this.notifyAudience(tx, 'meetup.cancelled', id, { meetupId: id });
      return toMeetupView(await this.load(tx, id));
    });
  }

  /**
   * Account deletion: the organizer's meetups that have not started are cancelled and everyone going or
   * waitlisted is notified; the meetups stay (organizerId becomes null) so members keep their history.
   */
  async cancelUpcomingOf(tx: Tx, organizerId: string): Promise<void> {
    const upcoming = await sql<{ id: string; title: string; starts_at: Date }>(
      tx,
      `SELECT id, title, starts_at FROM meetups
        WHERE organizer_id = $1 AND status = 'scheduled' AND starts_at > now() ORDER BY id FOR UPDATE`,
      [organizerId],
    );
    for (const m of upcoming) {
      await sql(
        tx,
        `UPDATE meetups SET status = 'cancelled', cancelled_at = now(), sequence = sequence + 1, updated_at = now()
          WHERE id = $1`,
        [m.id],
      );
      await this.notifyAudience(tx, 'meetup.cancelled', m.id, {
        meetupId: m.id,
        title: m.title,
        startsAt: m.starts_at.toISOString(),
      });
    }
  }

  /** Account deletion: see removeMemberRsvps. */
  removeMemberRsvps(tx: Tx, profileId: string): Promise<void> {
    return removeMemberRsvps(tx, profileId);
  }

  /** Anyone, signed in or not (viewer undefined); the link and `myRsvp` depend on who asks. */
  async get(viewer: AuthUser | undefined, id: string): Promise<MeetupView> {
    const row = await this.findFor(id, viewer);
    if (!row) throw new NotFound('Meetup');
    return toViewerMeetupView(row, viewer?.id ?? null);
  }

  /**
   * What a link preview of the meetup's page may show anyone (src/app/link-previews.ts): public fields only, and
   * never the online link, which the API gives members only.
   */
  async preview(id: string): Promise<MeetupPreview | undefined> {
    const row = await sqlOne<{
      title: string;
      description: string;
      starts_at: Date;
      timezone: string;
      online: boolean;
      venue_name: string | null;
      venue_city: string | null;
      status: 'scheduled' | 'cancelled';
    }>(
      this.uow.db,
      `SELECT title, description, starts_at, timezone, online, venue_name, venue_city, status
         FROM meetups WHERE id = $1`,
      [id],
    );
    if (!row) return undefined;
    return {
      id,
      title: row.title,
      description: row.description,
      startsAt: row.starts_at,
      timezone: row.timezone,
      online: row.online,
      venueName: row.venue_name,
      venueCity: row.venue_city,
      cancelled: row.status === 'cancelled',
    };
  }

  /** One VEVENT; anyone may add a public meetup to their calendar, the link only as get() would show it. */
  async ics(viewer: AuthUser | undefined, id: string): Promise<string> {
    const row = await this.findFor(id, viewer);
    if (!row) throw new NotFound('Meetup');
    const organizer = await sqlOne<{ display_name: string }>(
      this.uow.db,
      `SELECT display_name FROM profiles WHERE id = $1`,
      [row.organizer_id],
    );
    const event = toIcsEvent(row, organizer?.display_name);
    if (!seesOnlineUrl(row, viewer?.id ?? null)) event.onlineUrl = null;
    return renderCalendar([event], { uidDomain: uidDomain(this.config), now: new Date() });
  }

  private findFor(id: string, viewer: AuthUser | undefined): Promise<(MeetupRow & ViewerRsvpRow) | undefined> {
    return sqlOne<MeetupRow & ViewerRsvpRow>(
      this.uow.db,
      `SELECT ${MEETUP_COLUMNS}, ${VIEWER_RSVP_COLUMNS} FROM meetups m ${viewerRsvpJoin('$2')} WHERE m.id = $1`,
      [id, viewer?.id ?? null],
    );
  }

  private async find(db: Queryable, id: string): Promise<MeetupRow | undefined> {
    return sqlOne<MeetupRow>(db, `SELECT ${MEETUP_COLUMNS} FROM meetups m WHERE m.id = $1`, [id]);
  }

  private async load(tx: Tx, id: string): Promise<MeetupRow> {
    const row = await this.find(tx, id);
    if (!row) throw new NotFound('Meetup');
    return row;
  }

  /** Meetups are public, so a member who is not the organizer sees it exists: 403, not 404. */
  private async lockOwned(tx: Tx, user: AuthUser, id: string): Promise<MeetupRow> {
    const row = await sqlOne<MeetupRow>(tx, `SELECT ${MEETUP_COLUMNS} FROM meetups m WHERE m.id = $1 FOR UPDATE OF m`, [
      id,
    ]);
    if (!row) throw new NotFound('Meetup');
    if (row.organizer_id !== user.id)
      throw new Forbidden('FORBIDDEN_NOT_ORGANIZER', 'Only the organizer of this meetup may do this.');
    return row;
  }

  private async assertValid(tx: Tx, fields: MeetupFields): Promise<void> {
    const errors = crossFieldErrors(fields);
    if (errors.length) throw new ValidationFailed(errors);
    await this.skills.assertKnown(fields.skills, { db: tx });
  }

  /** meetup_skills; a trigger derives meetups.skill_terms (the skills with all their ancestors) from them. */
  private async writeSkills(tx: Tx, meetupId: string, skills: string[]): Promise<void> {
    await sql(tx, `DELETE FROM meetup_skills WHERE meetup_id = $1`, [meetupId]);
    if (skills.length) {
      await sql(
        tx,
        `INSERT INTO meetup_skills (meetup_id, skill, position)
         SELECT $1, s.skill, s.n FROM unnest($2::text[]) WITH ORDINALITY AS s(skill, n)`,
        [meetupId, skills],
      );
    }
  }

  /**
   * Everyone going or waitlisted, in events of at most RECIPIENTS_PER_EVENT recipients. An empty audience
   * still gets one event: the worker reschedules or removes reminders when it sees it.
   */
  private async notifyAudience(
    tx: Tx,
    type: EventType,
    meetupId: string,
    payload: Record<string, unknown>,
  ): Promise<void> {
    const audience = await sql<{ profile_id: string }>(
      tx,
      `SELECT profile_id FROM meetup_rsvps WHERE meetup_id = $1 AND status IN ('going', 'waitlisted')
       ORDER BY profile_id`,
      [meetupId],
    );
    const batches = chunk(
      audience.map((a) => a.profile_id),
      RECIPIENTS_PER_EVENT,
    );
    await this.events.emitMany(
      tx,
      (batches.length ? batches : [[]]).map((recipientIds) => ({ type, payload: { ...payload, recipientIds } })),
    );
  }
}

function columnValues(f: MeetupFields): unknown[] {
  const v = f.venue;
  return [
    f.title,
    f.description,
    f.startsAt,
    f.endsAt,
    f.timezone,
    f.online,
    f.onlineUrl,
    v?.name ?? null,
    v?.address ?? null,
    v?.city ?? null,
    v?.country ?? null,
    v?.lat ?? null,
    v?.lng ?? null,
    f.capacity,
    f.level,
  ];
}

export const uidDomain = (config: Pick<AppConfig, 'publicBaseUrl'>): string => new URL(config.publicBaseUrl).hostname;
