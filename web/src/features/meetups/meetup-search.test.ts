import { describe, expect, it, vi } from 'vitest';

vi.mock('../../api/client', () => ({ api: { GET: vi.fn() } }));
const { filtersFrom, prefetchMeetupSearch, searchOf, viewerOf } = await import('./meetup-search');

describe('meetup search filters', () => {
  it('reads the address, ignoring what is malformed', () => {
    const filters = filtersFrom(
      new URLSearchParams('q=sql&skill=postgresql&from=2027-06-01&to=June&online=true&radiusKm=-3&lat=38.7&lng=x'),
    );
    expect(filters).toEqual({
      q: 'sql',
      skill: 'postgresql',
      from: '2027-06-01',
      to: null,
      online: true,
      near: null,
      radiusKm: null,
    });
  });

  it('asks for days in the viewer’s zone, "To" including its whole day, and a radius only near a place', () => {
    const near = filtersFrom(new URLSearchParams('lat=38.722&lng=-9.139&city=Lisbon&country=PT&to=2027-06-30'));
    expect(searchOf(near, 'Europe/Lisbon')).toEqual({
      q: undefined,
      skill: undefined,
      from: undefined,
      to: '2027-06-30T23:00:00.000Z',
      online: undefined,
      near: '38.722,-9.139',
      radiusKm: 50,
    });
    expect(searchOf(filtersFrom(new URLSearchParams('radiusKm=10')), 'UTC').radiusKm).toBeUndefined();
  });

  it('shows the public answer until the session is known to be signed in', () => {
    expect(viewerOf('unknown')).toBe('public');
    expect(viewerOf('signed-out')).toBe('public');
    expect(viewerOf('signed-in')).toBe('signed-in');
  });

  it('prefetches the list for the address, but not a search by days (their zone comes with the profile)', () => {
    const prefetch = vi.fn<(query: { queryKey: readonly unknown[] }) => void>();
    prefetchMeetupSearch('http://localhost/meetups?q=sql&online=true', 'public', prefetch);
    expect(prefetch).toHaveBeenCalledTimes(1);
    expect(prefetch.mock.calls[0][0].queryKey).toEqual([
      'meetups',
      'search',
      'public',
      searchOf(filtersFrom(new URLSearchParams('q=sql&online=true')), 'UTC'),
    ]);
    prefetchMeetupSearch('http://localhost/meetups?from=2027-06-01', 'public', prefetch);
    expect(prefetch).toHaveBeenCalledTimes(1);
  });
});
