import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, type Schemas } from '../../api/client';
import { ApiError, unwrap } from '../../api/problem';

export type Program = Schemas['ProgramView'];
export type ProgramItem = Schemas['ProgramListItem'];
export type Member = Schemas['ProgramMemberView'];
export type Membership = Schemas['MembershipView'];
export type RunSummary = Schemas['MatchRunSummary'];
export type Run = Schemas['MatchRunView'];

/** Runs are computed by the worker in seconds: ask often while one runs, not at all otherwise. */
const RUNNING_POLL_MS = 1_500;

export const programsKey = ['programs'] as const;
export const programKey = (id: string) => [...programsKey, id] as const;
export const membershipKey = (id: string) => [...programKey(id), 'membership'] as const;
export const membersKey = (id: string) => [...programKey(id), 'members'] as const;
export const runsKey = (id: string) => [...programKey(id), 'runs'] as const;

export function usePrograms(scope: 'mine' | 'open', enabled = true) {
  return useInfiniteQuery({
    queryKey: [...programsKey, 'list', scope],
    queryFn: ({ pageParam }) =>
      unwrap(api.GET('/v1/programs', { params: { query: { scope, cursor: pageParam, limit: 20 } } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    enabled,
  });
}

export function useProgram(id: string) {
  return useQuery({
    queryKey: programKey(id),
    queryFn: () => unwrap(api.GET('/v1/programs/{id}', { params: { path: { id } } })),
  });
}

/** The caller's own membership, or null when they have not joined (the API's 404). */
export function useMembership(id: string, enabled: boolean) {
  return useQuery({
    queryKey: membershipKey(id),
    queryFn: async (): Promise<Membership | null> => {
      try {
        return await unwrap(api.GET('/v1/programs/{id}/members/me', { params: { path: { id } } }));
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }
    },
    enabled,
  });
}

/** Everyone for its organizer; the other side (whom they can rank) for a member. */
export function useMembers(id: string, enabled: boolean) {
  return useQuery({
    queryKey: membersKey(id),
    queryFn: () => unwrap(api.GET('/v1/programs/{id}/members', { params: { path: { id } } })),
    enabled,
  });
}

export function useRuns(id: string) {
  return useInfiniteQuery({
    queryKey: runsKey(id),
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/v1/programs/{id}/match-runs', { params: { path: { id }, query: { cursor: pageParam, limit: 5 } } }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    refetchInterval: (query) =>
      query.state.data?.pages.some((page) => page.items.some((run) => run.status === 'running'))
        ? RUNNING_POLL_MS
        : false,
  });
}

/** A finished run with its pairs; a done run's pairs never change, so it is fetched once. */
export function useRun(programId: string, runId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...runsKey(programId), runId],
    queryFn: () =>
      unwrap(api.GET('/v1/programs/{id}/match-runs/{runId}', { params: { path: { id: programId, runId } } })),
    enabled,
  });
}
