import type { Role } from '../common/auth/auth-user.js';

export interface ProfileRow {
  id: string;
  display_name: string;
  headline: string;
  bio: string;
  roles: Role[];
  timezone: string;
  languages: string[];
  location: { city: string; country: string; lat: number; lng: number } | null;
  contact_url: string | null;
  availability: { day: string; start: string; end: string }[];
  accepting_mentees: boolean;
  mentor_capacity: number;
  active_mentees: number;
}

/** The owner's view: every field. */
export function ownProfileView(p: ProfileRow) {
  return {
    id: p.id,
    displayName: p.display_name,
    headline: p.headline,
    bio: p.bio,
    roles: p.roles,
    timezone: p.timezone,
    languages: p.languages,
    location: p.location,
    contactUrl: p.contact_url,
    availability: p.availability,
  };
}
