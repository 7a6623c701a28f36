import { useQuery } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';
import { api, session } from '../../api/client';
import { unwrap } from '../../api/problem';
import { browserTimeZone } from '../../lib/time';

export function useSessionStatus() {
  return useSyncExternalStore(session.subscribe, session.getStatus);
}

export const meKey = ['profiles', 'me'] as const;

/** The signed-in person's own profile (roles, zone, languages…); undefined while signed out or loading. */
export function useMe() {
  const status = useSessionStatus();
  return useQuery({
    queryKey: meKey,
    queryFn: () => unwrap(api.GET('/v1/profiles/me')),
    enabled: status === 'signed-in',
    staleTime: 60_000,
  });
}

export type Role = 'learner' | 'mentor' | 'organizer' | 'admin';

export function useHasRole(role: Role): boolean {
  const { data } = useMe();
  return data?.roles.includes(role) ?? false;
}

/** Times are shown in the viewer's profile zone; before sign-in (or while it loads), the browser's. */
export function useViewerTimeZone(): string {
  const { data } = useMe();
  return data?.timezone ?? browserTimeZone();
}
