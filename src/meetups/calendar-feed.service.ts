import { Inject, Injectable } from '@nestjs/common';
import { createHash, createHmac, randomBytes } from 'node:crypto';
import type { AuthUser } from '../common/auth/auth-user.js';
import { NotFound } from '../common/errors/domain-error.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { sql, sqlOne } from '../database/sql.js';
import { UnitOfWork, type Tx } from '../database/unit-of-work.js';
import { CalendarFeedSources } from './calendar-feed-sources.js';
import { renderCalendar } from './ical/render-calendar.js';
import { MEETUP_COLUMNS, toIcsEvent, type MeetupRow } from './meetup.view.js';
import { uidDomain } from './meetups.service.js';

const TOKEN = /^[A-Za-z0-9_-]{59}$/;
/** A feed shows meetups that ended at most this long ago, and everything after. */
const FEED_HISTORY_DAYS = 365;
const FEED_MAX_EVENTS = 2000;

const sha256 = (s: string): Buffer => createHash('sha256').update(s).digest();

/**
 * Secret calendar-feed URLs. A token is `<id><mac>`: a random 16-character id plus an HMAC of it under a
 * key derived from JWT_SECRET. The database stores only the id and a SHA-256 of the whole token (a copy of
 * the database reveals no feed URL), yet GET can show the same URL again by recomputing the MAC.
 * Rotating (POST) or revoking (DELETE) marks the old token revoked; its URL then answers 404.
 */
@Injectable()
export class CalendarFeedService {
  private readonly key: Buffer;

  constructor(
    private readonly uow: UnitOfWork,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly sources: CalendarFeedSources,
  ) {
    this.key = createHmac('sha256', config.jwtSecret).update('guildhall calendar feed v1').digest();
  }

  /** The caller's feed URL, created on first use. */
  async url(user: AuthUser): Promise<{ url: string }> {
    return this.uow.run(async (tx) => {
      const existing = await this.activeId(tx, user.id);
      return { url: this.urlFor(existing ?? (await this.issue(tx, user.id))) };
    });
  }

  /** Revokes the current URL (if any) and issues a new one. */
  async rotate(user: AuthUser): Promise<{ url: string }> {
    return this.uow.run(async (tx) => {
      await this.revokeIn(tx, user.id);
      return { url: this.urlFor(await this.issue(tx, user.id)) };
    });
  }

  async revoke(user: AuthUser): Promise<void> {
    await this.uow.run((tx) => this.revokeIn(tx, user.id));
  }

  /**
   * The feed of the token's owner: every meetup they are going to (cancelled ones marked so), then the events
   * of every registered source (confirmed mentorship sessions). Unknown or revoked token: 404.
   */
  async feed(token: string): Promise<string> {
    if (!TOKEN.test(token)) throw new NotFound('Calendar feed');
    const owner = await sqlOne<{ profile_id: string; display_name: string }>(
      this.uow.dataSource,
      `SELECT t.profile_id, p.display_name FROM calendar_tokens t JOIN profiles p ON p.id = t.profile_id
        WHERE t.token_hash = $1 AND t.revoked_at IS NULL`,
      [sha256(token)],
    );
    if (!owner) throw new NotFound('Calendar feed');
    const rows = await sql<MeetupRow & { organizer_name: string }>(
      this.uow.dataSource,
      `SELECT ${MEETUP_COLUMNS}, o.display_name AS organizer_name
         FROM meetup_rsvps r
         JOIN meetups m ON m.id = r.meetup_id
         JOIN profiles o ON o.id = m.organizer_id
        WHERE r.profile_id = $1 AND r.status = 'going' AND m.ends_at > now() - make_interval(days => $2)
        ORDER BY m.starts_at, m.id
        LIMIT $3`,
      [owner.profile_id, FEED_HISTORY_DAYS, FEED_MAX_EVENTS],
    );
    const since = new Date(Date.now() - FEED_HISTORY_DAYS * 86_400_000);
    const others = await Promise.all(
      this.sources.all().map((s) => s.eventsFor(owner.profile_id, since, FEED_MAX_EVENTS)),
    );
    return renderCalendar([...rows.map((r) => toIcsEvent(r, r.organizer_name)), ...others.flat()], {
      uidDomain: uidDomain(this.config),
      now: new Date(),
      calendarName: `Guildhall: ${owner.display_name}'s meetups`,
    });
  }

  private async activeId(tx: Tx, profileId: string): Promise<string | undefined> {
    const row = await sqlOne<{ id: string }>(
      tx,
      `SELECT id FROM calendar_tokens WHERE profile_id = $1 AND revoked_at IS NULL`,
      [profileId],
    );
    return row?.id;
  }

  private async issue(tx: Tx, profileId: string): Promise<string> {
    const id = randomBytes(12).toString('base64url');
    const inserted = await sqlOne<{ id: string }>(
      tx,
      `INSERT INTO calendar_tokens (id, profile_id, token_hash) VALUES ($1, $2, $3)
       ON CONFLICT (profile_id) WHERE revoked_at IS NULL DO NOTHING RETURNING id`,
      [id, profileId, sha256(this.tokenFor(id))],
    );
    // A concurrent first GET won the race: show its token, so both callers see one URL.
    return inserted?.id ?? (await this.activeId(tx, profileId))!;
  }

  private async revokeIn(tx: Tx, profileId: string): Promise<void> {
    await tx.query(`UPDATE calendar_tokens SET revoked_at = now() WHERE profile_id = $1 AND revoked_at IS NULL`, [
      profileId,
    ]);
  }

  private tokenFor(id: string): string {
    return id + createHmac('sha256', this.key).update(id).digest('base64url');
  }

  private urlFor(id: string): string {
    return `${this.config.publicBaseUrl}/v1/calendar/${this.tokenFor(id)}.ics`;
  }
}
