import { useQuery } from '@tanstack/react-query';
import { startTransition, useEffect, useState } from 'react';
import { api, session } from '../../api/client';
import { unwrap } from '../../api/problem';
import { browserTimeZone } from '../../lib/time';

/**
 * The session's status, changing as a transition: signing in redraws the navigation and the member's page at
 * once, which React then builds in slices between which the browser stays free (useSyncExternalStore would
 * build it all in one task). Readers on screen take a change in the same render; one that mounts while it is
 * under way reads the new status at once.
 */
export function useSessionStatus() {
  const [status, setStatus] = useState(session.getStatus);
  useEffect(() => {
    const update = () => startTransition(() => setStatus(session.getStatus()));
    // It may have changed between this component's render and now.
    update();
    return session.subscribe(update);
  }, []);
  return status;
}

export const meKey = ['profiles', 'me'] as const;

/** GET /v1/profiles/me, shared by useMe and the member routes' prefetch (router.tsx). */
export const meQuery = {
  queryKey: meKey,
  queryFn: () => unwrap(api.GET('/v1/profiles/me')),
  staleTime: 60_000,
};

/** The signed-in person's own profile (roles, zone, languages…); undefined while signed out or loading. */
export function useMe() {
  const status = useSessionStatus();
  return useQuery({
    ...meQuery,
    enabled: status === 'signed-in',
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
