import { infiniteQueryOptions } from '@tanstack/react-query';
import { api } from '../../api/client';
import { unwrap } from '../../api/problem';
import type { SessionStatus } from '../../api/session';
import { dayStartUtc, nextDay } from '../../lib/wall-time';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
export const DEFAULT_RADIUS_KM = 50;
const PAGE_SIZE = 20;

export interface Near {
  lat: number;
  lng: number;
  /** The place's name, or null for the viewer's own position ("My location"). */
  city: string | null;
  country: string | null;
}

/** The /meetups filters as the address holds them: shareable, and the back button restores them. */
export interface MeetupFilters {
  q: string;
  skill: string | null;
  /** Days (YYYY-MM-DD), read in the viewer's zone. */
  from: string | null;
  to: string | null;
  online: boolean;
  near: Near | null;
  radiusKm: number | null;
}

export function filtersFrom(params: URLSearchParams): MeetupFilters {
  const lat = Number(params.get('lat'));
  const lng = Number(params.get('lng'));
  const hasNear = params.has('lat') && params.has('lng') && Number.isFinite(lat) && Number.isFinite(lng);
  const radius = Number(params.get('radiusKm'));
  const day = (name: string) => {
    const value = params.get(name);
    return value && DAY.test(value) ? value : null;
  };
  return {
    q: params.get('q') ?? '',
    skill: params.get('skill'),
    from: day('from'),
    to: day('to'),
    online: params.get('online') === 'true',
    near: hasNear ? { lat, lng, city: params.get('city'), country: params.get('country') } : null,
    radiusKm: radius > 0 && radius <= 20000 ? radius : null,
  };
}

/** The query string of GET /v1/meetups for these filters; `zone` is the viewer's, for the days. */
export function searchOf(filters: MeetupFilters, zone: string) {
  return {
    q: filters.q || undefined,
    skill: filters.skill ?? undefined,
    // "To" includes the whole of its day.
    from: (filters.from && dayStartUtc(filters.from, zone)) || undefined,
    to: (filters.to && dayStartUtc(nextDay(filters.to), zone)) || undefined,
    online: filters.online ? true : undefined,
    near: filters.near ? `${filters.near.lat},${filters.near.lng}` : undefined,
    radiusKm: filters.near ? (filters.radiusKm ?? DEFAULT_RADIUS_KM) : undefined,
  };
}

/**
 * Whose answer the meetup pages show. Signed in, each meetup carries the caller's own RSVP, so the cache keeps
 * that answer apart from the public one. While the silent sign-in is still under way the public answer is
 * fetched at once (meetups are public): a visitor waits for nothing, and a member sees the list while their own
 * copy loads.
 */
export type Viewer = 'signed-in' | 'public';
export const viewerOf = (status: SessionStatus): Viewer => (status === 'signed-in' ? 'signed-in' : 'public');

/** GET /v1/meetups, paged; shared by the page and the route's prefetch (router.tsx). */
export function meetupSearchQuery(search: ReturnType<typeof searchOf>, viewer: Viewer) {
  return infiniteQueryOptions({
    queryKey: ['meetups', 'search', viewer, search],
    queryFn: ({ pageParam }) =>
      unwrap(api.GET('/v1/meetups', { params: { query: { ...search, cursor: pageParam, limit: PAGE_SIZE } } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/**
 * The route's prefetch: the list for the address's filters starts with the page's code, not after it. Days need
 * the viewer's zone, known only with their profile: such a search waits for the page.
 */
export function prefetchMeetupSearch(
  url: string,
  viewer: Viewer,
  prefetch: (query: ReturnType<typeof meetupSearchQuery>) => void,
) {
  const filters = filtersFrom(new URL(url).searchParams);
  if (filters.from || filters.to) return;
  prefetch(meetupSearchQuery(searchOf(filters, 'UTC'), viewer));
}
