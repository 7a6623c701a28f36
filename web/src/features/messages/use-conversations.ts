import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Schemas } from '../../api/client';
import { ApiError, unwrap } from '../../api/problem';

export type Conversation = Schemas['ConversationView'];
export type Message = Schemas['MessageView'];

// A new message's notification marks these stale through the stream (subject-queries.ts); the polls cover a muted
// message.received or a stream that is down, and stay quick because a chat must feel live either way. TanStack
// Query pauses an interval while the tab is hidden (refetchIntervalInBackground is off).
const MESSAGES_POLL_MS = 4_000;
const CONVERSATIONS_POLL_MS = 15_000;
const MESSAGES_PAGE = 30;

export const conversationsKey = ['conversations'] as const;
export const listKey = [...conversationsKey, 'list'] as const;
const oneKey = (id: string) => [...conversationsKey, 'one', id] as const;
export const messagesKey = (id: string) => [...conversationsKey, 'messages', id] as const;

/** Mine, latest activity first, a page at a time ("Load more"). */
export function useConversations() {
  return useInfiniteQuery({
    queryKey: listKey,
    queryFn: ({ pageParam }) =>
      unwrap(api.GET('/v1/conversations', { params: { query: { cursor: pageParam, limit: 20 } } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    refetchInterval: CONVERSATIONS_POLL_MS,
  });
}

/**
 * One conversation's summary (who it is with, whether it is open). The API has no GET by id, so this walks the
 * caller's list (a page of 100 holds nearly everyone's) until it finds it; a 404 when it is not theirs.
 */
export function useConversation(id: string) {
  return useQuery({
    queryKey: oneKey(id),
    queryFn: async (): Promise<Conversation> => {
      let cursor: string | undefined;
      do {
        const page = await unwrap(api.GET('/v1/conversations', { params: { query: { cursor, limit: 100 } } }));
        const found = page.items.find((c) => c.id === id);
        if (found) return found;
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      throw new ApiError(404, { status: 404, detail: 'No such conversation.' });
    },
    // Whether it is still open can change (a block, a completed mentorship); the messages poll often, this less.
    refetchInterval: CONVERSATIONS_POLL_MS,
  });
}

/** Its messages, newest first as the API pages them; "Load earlier" asks for the next page. */
export function useMessages(id: string) {
  return useInfiniteQuery({
    queryKey: messagesKey(id),
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/v1/conversations/{id}/messages', {
          params: { path: { id }, query: { cursor: pageParam, limit: MESSAGES_PAGE } },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    refetchInterval: MESSAGES_POLL_MS,
  });
}

/** Every loaded message once, oldest to newest (pages may overlap while new ones arrive between fetches). */
export function oldestFirst(pages: readonly { items: Message[] }[]): Message[] {
  const byId = new Map<string, Message>();
  for (const page of pages) for (const m of page.items) byId.set(m.id, m);
  return [...byId.values()].sort(
    (a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt) || a.id.localeCompare(b.id),
  );
}

export function useSendMessage(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: string) =>
      unwrap(api.POST('/v1/conversations/{id}/messages', { params: { path: { id } }, body: { body } })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: conversationsKey }),
    onError: (error) => {
      // Closed meanwhile: show the read-only state instead of the form.
      if (error instanceof ApiError && error.status === 409)
        void queryClient.invalidateQueries({ queryKey: oneKey(id) });
    },
  });
}

export function useMarkRead(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/v1/conversations/{id}/read', { params: { path: { id } } })),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: listKey });
      void queryClient.invalidateQueries({ queryKey: oneKey(id) });
    },
  });
}
