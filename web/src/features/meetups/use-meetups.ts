import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, type Schemas } from '../../api/client';
import { unwrap } from '../../api/problem';
import { useSessionStatus } from '../auth/use-auth';
import { viewerOf, type Viewer } from './meetup-search';

export type Meetup = Schemas['MeetupView'];
export type Attendee = Schemas['AttendeeView'];
export type MeetupLevel = NonNullable<Meetup['level']>;

export const LEVEL_NAMES: Record<MeetupLevel, string> = {
  beginner: 'Beginner',
  intermediate: 'Intermediate',
  advanced: 'Advanced',
};

/** Every cached answer about one meetup starts with this key (invalidate it after a change). */
export function meetupKey(id: string) {
  return ['meetups', id] as const;
}

/** GET /v1/meetups/:id as this viewer reads it; shared by the page and the route's prefetch (router.tsx). */
export function meetupQuery(id: string, viewer: Viewer) {
  return queryOptions({
    queryKey: [...meetupKey(id), viewer],
    queryFn: () => unwrap(api.GET('/v1/meetups/{id}', { params: { path: { id } } })),
  });
}

/**
 * One meetup. Anyone may read it; a signed-in caller's copy carries `myRsvp` (and the link when going). The
 * public copy shows until the member's own arrives (see viewerOf).
 */
export function useMeetup(id: string) {
  const viewer = viewerOf(useSessionStatus());
  return useQuery({
    ...meetupQuery(id, viewer),
    enabled: id !== '',
    placeholderData: (previous, previousQuery) => (previousQuery?.queryKey[1] === id ? previous : undefined),
  });
}

/** "In person" place in words: "Guild Hall, 1 Main St, Lisbon". */
export function placeOf(meetup: Meetup): string {
  const venue = meetup.venue;
  const where = venue ? [venue.name, venue.address, venue.city].filter(Boolean).join(', ') : '';
  if (meetup.online) return where ? `Online, and at ${where}` : 'Online';
  return where || 'To be announced';
}

export function seatsLeft(meetup: Meetup): number {
  return Math.max(0, meetup.capacity - meetup.goingCount);
}
