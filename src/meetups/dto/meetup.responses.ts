import { ApiProperty } from '@nestjs/swagger';
import type { MeetupLevel, Venue } from '../meetup-rules.js';
import type { RsvpStatus } from './meetup.dto.js';

export class VenueView implements Venue {
  name: string;
  address: string;
  city: string;
  country: string;
  lat: number;
  lng: number;
}

export class MyRsvpView {
  status: RsvpStatus;
  /** 1-based while waitlisted, else null */
  waitlistPosition: number | null;
}

export class MeetupView {
  id: string;
  /** null once the organizer deleted their account (their upcoming meetups were cancelled then). */
  organizerId: string | null;
  title: string;
  description: string;
  startsAt: string;
  endsAt: string;
  timezone: string;
  online: boolean;
  /** only for the organizer and members going; null for everyone else (and for anonymous callers) */
  onlineUrl: string | null;
  venue: VenueView | null;
  capacity: number;
  skills: string[];
  level: MeetupLevel | null;
  status: 'scheduled' | 'cancelled';
  goingCount: number;
  waitlistCount: number;
  /**
   * on reads (GET /v1/meetups, /v1/meetups/:id, /v1/meetups/recommended): the caller's own RSVP in any status,
   * null when they never answered or are anonymous
   */
  myRsvp?: MyRsvpView | null;
}

export class MeetupPage {
  items: MeetupView[];
  nextCursor: string | null;
}

export class RecommendationFactors {
  /**
   * summed credit of the caller's active goals the meetup covers: 1 per exact skill, 1/(1+depth) via a parent or
   * child
   */
  goalOverlap: number;
  /** whole km from the caller's profile location to the venue; null when either is missing */
  distanceKm: number | null;
}

export class RecommendedMeetup extends MeetupView {
  recommendation: RecommendationFactors;
}

export class RecommendedPage {
  items: RecommendedMeetup[];
  /** always null: the list is a top-N */
  @ApiProperty({ type: String, nullable: true })
  nextCursor: null;
}

export class RsvpResult {
  status: RsvpStatus;
  /** 1-based while waitlisted, else null */
  waitlistPosition: number | null;
}

export class AttendeeView {
  profileId: string;
  displayName: string;
  status: RsvpStatus;
  /** 1-based while waitlisted, else null */
  waitlistPosition: number | null;
  checkedInAt: string | null;
}

export class AttendeePage {
  items: AttendeeView[];
  nextCursor: string | null;
}

export class CalendarFeedView {
  /** secret-bearing URL of the caller's feed; anyone holding it can read the feed until it is rotated or revoked */
  url: string;
}
