import { Anchor, Badge, Button, Group, Paper, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, type Schemas } from '../../api/client';
import { unwrap } from '../../api/problem';
import { unreadCountKey } from './unread-count';
import { EmptyState } from '../../components/EmptyState';
import { LoadMore } from '../../components/LoadMore';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { QueryError } from '../../components/QueryError';
import { formatDateTime } from '../../lib/time';
import { useMe, useViewerTimeZone } from '../auth/use-auth';
import { describeNotification, type Viewer } from './describe';

// Under the ['notifications'] prefix, which new notifications invalidate, with the unread count.
const listKey = ['notifications', 'list'] as const;
const PAGE_SIZE = 20;
// A fallback for when no live update arrives; a page someone is not looking at does not poll.
const POLL_MS = 30_000;

function NotificationItem({ item, viewer }: { item: Schemas['NotificationView']; viewer: Viewer }) {
  const queryClient = useQueryClient();
  const { text, to } = describeNotification(item.type, item.data, viewer);
  const unread = item.readAt === null;
  const markRead = useMutation({
    mutationFn: () => unwrap(api.POST('/v1/notifications/{id}/read', { params: { path: { id: item.id } } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['notifications'] }),
  });
  return (
    <Paper
      component="li"
      withBorder
      p="sm"
      style={unread ? { borderLeft: '4px solid var(--mantine-color-indigo-6)' } : undefined}
    >
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
        <Anchor
          component={Link}
          to={to}
          fw={unread ? 600 : 400}
          style={{ overflowWrap: 'anywhere' }}
          onClick={() => {
            if (unread) markRead.mutate();
          }}
        >
          {unread && <VisuallyHidden>Unread: </VisuallyHidden>}
          {text}
        </Anchor>
        {unread && (
          <Badge size="sm" aria-hidden style={{ flexShrink: 0 }}>
            New
          </Badge>
        )}
      </Group>
      <Text size="xs" c="dimmed" mt={4}>
        <time dateTime={item.createdAt}>{formatDateTime(item.createdAt, viewer.timeZone)}</time>
      </Text>
    </Paper>
  );
}

export function InboxPage() {
  const queryClient = useQueryClient();
  const me = useMe();
  const viewer: Viewer = { id: me.data?.id, timeZone: useViewerTimeZone() };
  const list = useInfiniteQuery({
    queryKey: listKey,
    queryFn: ({ pageParam }) =>
      unwrap(api.GET('/v1/notifications', { params: { query: { cursor: pageParam, limit: PAGE_SIZE } } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    refetchInterval: POLL_MS,
  });
  const readAll = useMutation({
    mutationFn: () => unwrap(api.POST('/v1/notifications/read-all')),
    onSuccess: () => {
      queryClient.setQueryData(unreadCountKey, { count: 0 });
      return queryClient.invalidateQueries({ queryKey: ['notifications'] });
    },
  });
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <>
      <PageHeading>Notifications</PageHeading>
      <Stack>
        <div>
          <Button
            variant="default"
            onClick={() => readAll.mutate()}
            loading={readAll.isPending}
            disabled={items.length === 0}
          >
            Mark all as read
          </Button>
        </div>
        {list.isPending ? (
          <Loading />
        ) : list.isError ? (
          <QueryError error={list.error} />
        ) : items.length === 0 ? (
          <EmptyState title="No notifications yet">
            Answers to your mentorship requests, new messages, session and meetup changes and reminders show up here. To
            get started,{' '}
            <Anchor component={Link} to="/suggestions">
              look at your suggested mentors
            </Anchor>{' '}
            or{' '}
            <Anchor component={Link} to="/meetups">
              find a meetup
            </Anchor>
            .
          </EmptyState>
        ) : (
          <>
            <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Notifications">
              {items.map((item) => (
                <NotificationItem key={item.id} item={item} viewer={viewer} />
              ))}
            </Stack>
            <LoadMore pages={list} />
          </>
        )}
      </Stack>
    </>
  );
}
