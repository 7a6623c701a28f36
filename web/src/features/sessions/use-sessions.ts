import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Schemas } from '../../api/client';
import { unwrap } from '../../api/problem';

export type Session = Schemas['SessionView'];
export type Slot = Schemas['SlotView'];

export const SESSION_LENGTHS = [30, 45, 60, 90] as const;

export const sessionsKey = (mentorshipId: string) => ['mentorships', mentorshipId, 'sessions'] as const;
export const slotsKey = (mentorshipId: string, minutes: number) =>
  ['mentorships', mentorshipId, 'slots', minutes] as const;

// The other party's proposals, confirmations and cancellations arrive by the notification stream, which marks
// this query stale (subject-queries.ts); the slow poll (paused in hidden tabs) covers a stream that is down or
// a muted notification type.
const SESSIONS_POLL_MS = 60_000;

/** Its sessions, soonest first (one page of up to 100: a mentorship rarely has more). */
export function useSessions(mentorshipId: string) {
  return useQuery({
    queryKey: sessionsKey(mentorshipId),
    queryFn: () =>
      unwrap(
        api.GET('/v1/mentorships/{id}/sessions', {
          params: { path: { id: mentorshipId }, query: { limit: 100 } },
        }),
      ),
    refetchInterval: SESSIONS_POLL_MS,
  });
}

/** Free times of a `minutes`-long session for both people over the next two weeks; asked for on demand. */
export function useSlots(mentorshipId: string, minutes: number, enabled: boolean) {
  return useQuery({
    queryKey: slotsKey(mentorshipId, minutes),
    queryFn: () =>
      unwrap(api.GET('/v1/mentorships/{id}/slots', { params: { path: { id: mentorshipId }, query: { minutes } } })),
    enabled,
    // Slots go stale as soon as either person books something; never show an old list on a new search.
    staleTime: 0,
  });
}

function useRefreshAfter(mentorshipId: string) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: sessionsKey(mentorshipId) });
    void queryClient.invalidateQueries({ queryKey: ['mentorships', mentorshipId, 'slots'] });
  };
}

export interface Proposal {
  startsAt: string;
  durationMinutes: number;
  agenda?: string;
  meetingUrl?: string;
}

export function useProposeSession(mentorshipId: string) {
  const refresh = useRefreshAfter(mentorshipId);
  return useMutation({
    mutationFn: (body: Proposal) =>
      unwrap(api.POST('/v1/mentorships/{id}/sessions', { params: { path: { id: mentorshipId } }, body })),
    onSuccess: refresh,
    // A clash means the slots shown are out of date: fetch them again.
    onError: refresh,
  });
}

export function useConfirmSession(mentorshipId: string) {
  const refresh = useRefreshAfter(mentorshipId);
  return useMutation({
    mutationFn: (sid: string) =>
      unwrap(api.POST('/v1/mentorships/{id}/sessions/{sid}/confirm', { params: { path: { id: mentorshipId, sid } } })),
    onSettled: refresh,
  });
}

export function useCancelSession(mentorshipId: string) {
  const refresh = useRefreshAfter(mentorshipId);
  return useMutation({
    mutationFn: (sid: string) =>
      unwrap(api.POST('/v1/mentorships/{id}/sessions/{sid}/cancel', { params: { path: { id: mentorshipId, sid } } })),
    onSettled: refresh,
  });
}
