import { api } from '../../api/client';
import { unwrap } from '../../api/problem';

/** GET /v1/match-suggestions, shared by the page and the route's prefetch (router.tsx). */
export const suggestionsQuery = {
  queryKey: ['match-suggestions'] as const,
  queryFn: () => unwrap(api.GET('/v1/match-suggestions')),
};
