import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { unwrap } from '../../api/problem';

export function profileKey(id: string) {
  return ['profiles', id] as const;
}

/** Someone's public profile (cached: requests and mentorships name the other person by it). */
export function useProfile(id: string | null | undefined) {
  return useQuery({
    queryKey: profileKey(id ?? ''),
    queryFn: () => unwrap(api.GET('/v1/profiles/{id}', { params: { path: { id: id ?? '' } } })),
    enabled: Boolean(id),
    staleTime: 60_000,
  });
}
