import type { Role } from '../common/auth/auth-user.js';
import type { AvailabilityWindow, Location } from './validation/index.js';

export interface ProfileRow {
  id: string;
  display_name: string;
  headline: string;
  bio: string;
  roles: Role[];
  timezone: string;
  languages: string[];
  location: Location | null;
  contact_url: string | null;
  availability: AvailabilityWindow[];
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

export type OwnProfileView = ReturnType<typeof ownProfileView>;

export const openSlots = (p: Pick<ProfileRow, 'mentor_capacity' | 'active_mentees'>): number =>
  Math.max(0, p.mentor_capacity - p.active_mentees);

export interface PublicProfileView {
  id: string;
  displayName: string;
  headline: string;
  bio: string;
  roles: Role[];
  timezone: string;
  languages: string[];
  location: { city: string; country: string } | null;
  availability: AvailabilityWindow[];
  mentoring: { acceptingMentees: boolean; openSlots: number } | null;
  contactUrl?: string | null;
}

/**
 * What anyone signed in may see. Never the e-mail (not even read), the coordinates or the contact URL;
 * the contact URL is added only for the other party of an active or completed mentorship.
 */
export function publicProfileView(p: ProfileRow, showContact: boolean): PublicProfileView {
  const view: PublicProfileView = {
    id: p.id,
    displayName: p.display_name,
    headline: p.headline,
    bio: p.bio,
    // admin is an account privilege, not something a profile advertises.
    roles: p.roles.filter((r) => r !== 'admin'),
    timezone: p.timezone,
    languages: p.languages,
    location: p.location ? { city: p.location.city, country: p.location.country } : null,
    availability: p.availability,
    mentoring: p.roles.includes('mentor') ? { acceptingMentees: p.accepting_mentees, openSlots: openSlots(p) } : null,
  };
  if (showContact) view.contactUrl = p.contact_url;
  return view;
}
