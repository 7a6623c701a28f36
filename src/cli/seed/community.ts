import type { MeetupFields, MeetupLevel } from '../../meetups/meetup-rules.js';
import { CITIES, FIRST_NAMES, HEADLINES, LAST_NAMES, MEETUP_FORMATS, type City } from './world.js';
import { Prng, WeightedPicker } from './prng.js';

export interface SkillRow {
  slug: string;
  name: string;
  category: string;
  popularity: number;
  parents: string[];
}

const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const hhmm = (m: number): string => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

export interface PersonRows {
  id: string;
  email: string;
  roles: string[];
  displayName: string;
  headline: string;
  bio: string;
  timezone: string;
  languages: string[];
  location: string; // jsonb text
  availability: string; // jsonb text
  accepting: boolean;
  capacity: number;
  skills: { skill: string; level: number; years: number | null }[];
  goals: { skill: string; targetLevel: number; targetDate: string | null }[];
}

/** A meetup as the service would store it (MeetupFields), plus the ids the seed assigns. */
export interface MeetupRows extends MeetupFields {
  id: string;
  organizerId: string;
}

/** Generates a reproducible community: the same seed gives the same people, skills and meetups. */
export class CommunityGenerator {
  private readonly cities: WeightedPicker<City>;
  private readonly skillPicker: WeightedPicker<SkillRow>;
  private readonly bySlug: Map<string, SkillRow>;

  constructor(
    private readonly rng: Prng,
    private readonly skills: SkillRow[],
    private readonly runTag: string,
  ) {
    this.cities = new WeightedPicker(CITIES, (c) => c.weight);
    // Popularity squared: the roadmap's staples (JavaScript, SQL, Git, Python...) dominate as they do in life.
    this.skillPicker = new WeightedPicker(skills, (s) => s.popularity * s.popularity);
    this.bySlug = new Map(skills.map((s) => [s.slug, s]));
  }

  person(kind: 'learner' | 'mentor' | 'organizer', index: number): PersonRows {
    const r = this.rng;
    const city = this.cities.pick(r);
    const first = r.pick(FIRST_NAMES);
    const last = r.pick(LAST_NAMES);
    const languages = [
      ...new Set([
        city.languages[0],
        ...(r.chance(0.8) ? ['en'] : []),
        ...(r.chance(0.3) ? [r.pick(city.languages)] : []),
      ]),
    ];
    const jitter = () => (r.next() - 0.5) * 0.2;
    const roles = kind === 'mentor' && r.chance(0.15) ? ['mentor', 'organizer'] : [kind];
    const skillCount = kind === 'mentor' ? r.int(3, 8) : kind === 'learner' ? r.int(2, 6) : r.int(2, 5);
    const picked = this.skillPicker.distinct(r, skillCount);
    const skills = picked.map((s) => {
      const level = kind === 'mentor' ? r.int(3, 5) : kind === 'learner' ? r.int(0, 3) : r.int(2, 4);
      return { skill: s.slug, level, years: level === 0 ? null : Math.round((level * 1.5 + r.next() * 3) * 10) / 10 };
    });
    const goals =
      kind === 'learner'
        ? this.skillPicker.distinct(r, r.int(1, 3)).map((s) => {
            const current = skills.find((k) => k.skill === s.slug)?.level ?? 0;
            const target = Math.min(5, Math.max(current + 1, r.int(2, 4)));
            const date = r.chance(0.6)
              ? new Date(Date.UTC(2027, r.int(0, 11), r.int(1, 28))).toISOString().slice(0, 10)
              : null;
            return { skill: s.slug, targetLevel: target, targetDate: date };
          })
        : [];
    return {
      id: r.uuid(),
      email: `${kind}-${index}-${this.runTag}@seed.guildhall.dev`,
      roles,
      displayName: `${first} ${last}`,
      headline: r.pick(HEADLINES),
      bio: `${first} lives in ${city.city} and works with ${picked.map((s) => s.name).join(', ')}.`,
      timezone: city.tz,
      languages,
      location: JSON.stringify({
        city: city.city,
        country: city.country,
        lat: +(city.lat + jitter()).toFixed(5),
        lng: +(city.lng + jitter()).toFixed(5),
      }),
      availability: JSON.stringify(this.availability()),
      accepting: kind === 'mentor' ? r.chance(0.75) : false,
      capacity: kind === 'mentor' ? r.int(1, 5) : 0,
      skills,
      goals,
    };
  }

  /** Evenings on a few weekdays and a weekend block, in the person's own zone. */
  private availability() {
    const r = this.rng;
    const windows: { day: string; start: string; end: string }[] = [];
    for (const day of DAYS.slice(0, 5)) {
      if (!r.chance(0.45)) continue;
      const start = r.int(17, 20) * 60 + (r.chance(0.5) ? 30 : 0);
      windows.push({ day, start: hhmm(start), end: hhmm(Math.min(start + r.int(1, 3) * 60, 23 * 60 + 30)) });
    }
    if (r.chance(0.6)) {
      const start = r.int(9, 14) * 60;
      windows.push({ day: r.chance(0.5) ? 'sat' : 'sun', start: hhmm(start), end: hhmm(start + r.int(2, 4) * 60) });
    }
    return windows;
  }

  meetup(organizers: string[], now: Date): MeetupRows {
    const r = this.rng;
    const main = this.skillPicker.pick(r);
    const extra = r.chance(0.5) ? this.skillPicker.distinct(r, r.int(1, 2)).filter((s) => s.slug !== main.slug) : [];
    const related = main.parents.map((p) => this.bySlug.get(p)).filter((s): s is SkillRow => Boolean(s));
    const skills = [main, ...extra, ...(r.chance(0.3) ? related.slice(0, 1) : [])];
    const online = r.chance(0.3);
    const city = this.cities.pick(r);
    // Mostly upcoming (next six months), some in the recent past, at local evening time.
    const dayOffset = r.chance(0.9) ? r.int(0, 180) : -r.int(1, 60);
    const startsAt = new Date(now.getTime() + dayOffset * 86400_000);
    startsAt.setUTCMinutes(0, 0, 0);
    const endsAt = new Date(startsAt.getTime() + r.int(1, 4) * 3600_000);
    const format = r.pick(MEETUP_FORMATS);
    const where = online ? 'online' : `in ${city.city}`;
    return {
      id: r.uuid(),
      organizerId: r.pick(organizers),
      title: `${main.name} ${format}${online ? ' (online)' : ` ${city.city}`}`,
      description:
        `A ${format.toLowerCase()} ${where} about ${skills.map((s) => s.name).join(', ')}. ` +
        `Bring questions, code and curiosity; ${main.category} folks of every level welcome.`,
      startsAt,
      endsAt,
      timezone: city.tz,
      online,
      onlineUrl: online ? `https://meet.guildhall.dev/${r.uuid().slice(0, 8)}` : null,
      venue: online
        ? null
        : {
            name: `${r.pick(['Tech Hub', 'Library', 'Co-working', 'University', 'Community Space'])} ${city.city}`,
            address: `${r.int(1, 250)} ${r.pick(['Main', 'Market', 'Station', 'Harbour', 'Garden'])} Street`,
            city: city.city,
            country: city.country,
            lat: +(city.lat + (r.next() - 0.5) * 0.1).toFixed(5),
            lng: +(city.lng + (r.next() - 0.5) * 0.1).toFixed(5),
          },
      capacity: r.pick([20, 30, 40, 50, 80, 100, 150, 300]),
      level: r.pick<MeetupLevel | null>([null, 'beginner', 'intermediate', 'advanced']),
      skills: [...new Set(skills.map((s) => s.slug))],
    };
  }
}
