import { Injectable } from '@nestjs/common';
import { NotFound, ValidationFailed, type FieldError } from '../common/errors/domain-error.js';
import { sql, sqlOne } from '../database/sql.js';
import { UnitOfWork, type Tx } from '../database/unit-of-work.js';
import { EventsService } from '../queues/events.service.js';
import type { UpdateProfileDto } from './dto/profile.dto.js';
import { emitMatchingChanged, type MatchingChangeReason } from './matching-events.js';
import {
  ownProfileView,
  publicProfileView,
  type OwnProfileView,
  type ProfileRow,
  type PublicProfileView,
} from './profile.view.js';
import {
  isLanguageCode,
  isValidTimeZone,
  normalizeAvailability,
  validateAvailability,
  validateLocation,
  type AvailabilityWindow,
} from './validation/index.js';

export const MAX_LANGUAGES = 10;

const windowsKey = (ws: readonly AvailabilityWindow[]): string =>
  ws.map((w) => `${w.day} ${w.start}-${w.end}`).join(',');

@Injectable()
export class ProfilesService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly events: EventsService,
  ) {}

  /** The profile of a new account; its roles mirror the account's (a trigger keeps profiles.roles = users.roles). */
  async create(tx: Tx, id: string, displayName: string): Promise<void> {
    await sql(tx, `INSERT INTO profiles (id, display_name) VALUES ($1, $2)`, [id, displayName]);
  }

  async getOwn(id: string): Promise<OwnProfileView> {
    const row = await sqlOne<ProfileRow>(this.uow.db, `SELECT * FROM profiles WHERE id = $1`, [id]);
    if (!row) throw new NotFound('Profile');
    return ownProfileView(row);
  }

  /**
   * The public view of `id` as `viewerId` may see it: the contact URL only when the two share an active or
   * completed mentorship (read from `mentorships` at request time, so new mentorships count immediately).
   */
  async getPublic(viewerId: string, id: string): Promise<PublicProfileView> {
    const row = await sqlOne<ProfileRow & { shares_mentorship: boolean }>(
      this.uow.db,
      `SELECT p.*,
              EXISTS (SELECT 1 FROM mentorships m
                       WHERE m.status IN ('active', 'completed')
                         AND ((m.learner_id = p.id AND m.mentor_id = $2) OR (m.mentor_id = p.id AND m.learner_id = $2))
                     ) AS shares_mentorship
         FROM profiles p WHERE p.id = $1`,
      [id, viewerId],
    );
    if (!row) throw new NotFound('Profile');
    return publicProfileView(row, row.shares_mentorship);
  }

  /**
   * Validates every field first (all problems reported at once), then writes under the profile's row lock so
   * the "what changed for matching" comparison and the outbox event see exactly the state being replaced.
   */
  async updateOwn(id: string, dto: UpdateProfileDto): Promise<OwnProfileView> {
    const errors: FieldError[] = [];
    const set = new Map<string, unknown>();
    if (dto.displayName !== undefined) set.set('display_name', dto.displayName);
    if (dto.headline !== undefined) set.set('headline', dto.headline);
    if (dto.bio !== undefined) set.set('bio', dto.bio);
    if (dto.timezone !== undefined) {
      if (isValidTimeZone(dto.timezone)) set.set('timezone', dto.timezone);
      else errors.push({ field: 'timezone', message: 'timezone must be an IANA time zone name, e.g. Europe/Berlin' });
    }
    if (dto.languages !== undefined) {
      const distinct = [...new Set(dto.languages)];
      dto.languages.forEach((code, i) => {
        if (!isLanguageCode(code))
          errors.push({ field: `languages[${i}]`, message: 'must be a lowercase ISO 639-1 code, e.g. en' });
      });
      if (distinct.length > MAX_LANGUAGES)
        errors.push({ field: 'languages', message: `must contain at most ${MAX_LANGUAGES} languages` });
      set.set('languages', distinct);
    }
    if (dto.location !== undefined) {
      const result = validateLocation(dto.location);
      if (result.ok) set.set('location', result.value === null ? null : JSON.stringify(result.value));
      else errors.push(...result.errors);
    }
    if (dto.contactUrl !== undefined) set.set('contact_url', dto.contactUrl);
    let availability: AvailabilityWindow[] | undefined;
    if (dto.availability !== undefined) {
      const result = validateAvailability(dto.availability);
      if (result.ok) {
        availability = normalizeAvailability(result.value);
        set.set('availability', JSON.stringify(availability));
      } else errors.push(...result.errors);
    }
    if (errors.length) throw new ValidationFailed(errors);

    return this.uow.run(async (tx) => {
      const before = await sqlOne<ProfileRow>(tx, `SELECT * FROM profiles WHERE id = $1 FOR UPDATE`, [id]);
      if (!before) throw new NotFound('Profile');
      if (!set.size) return ownProfileView(before);
      const columns = [...set.keys()];
      const casts: Record<string, string> = { location: '::jsonb', availability: '::jsonb', languages: '::text[]' };
      const assignments = columns.map((c, i) => `${c} = $${i + 2}${casts[c] ?? ''}`);
      const after = await sqlOne<ProfileRow>(
        tx,
        `UPDATE profiles SET ${assignments.join(', ')}, updated_at = now() WHERE id = $1 RETURNING *`,
        [id, ...columns.map((c) => set.get(c))],
      );
      const reasons: MatchingChangeReason[] = [];
      if (after!.timezone !== before.timezone) reasons.push('timezone');
      if (after!.languages.join(',') !== before.languages.join(',')) reasons.push('languages');
      if (availability && windowsKey(availability) !== windowsKey(before.availability)) reasons.push('availability');
      await emitMatchingChanged(this.events, tx, id, reasons);
      return ownProfileView(after!);
    });
  }
}
