import { Anchor, Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, type Schemas } from '../../api/client';
import { unwrap } from '../../api/problem';
import { unreadCountKey } from '../../app/Layout';
import { EmptyState } from '../../components/EmptyState';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { QueryError } from '../../components/QueryError';
import { formatDateTime } from '../../lib/time';
import { useViewerTimeZone } from '../auth/use-auth';
import { describeNotification } from './describe';

const key = ['notifications', 'list'] as const;

function NotificationItem({ item }: { item: Schemas['NotificationView'] }) {
  const zone = useViewerTimeZone();
  const queryClient = useQueryClient();
  const { text, to } = describeNotification(item.type, item.data);
  const unread = item.readAt === null;
  const markRead = () => {
    if (!unread) return;
    void unwrap(api.POST('/v1/notifications/{id}/read', { params: { path: { id: item.id } } })).then(() => {
      void queryClient.invalidateQueries({ queryKey: ['notifications'] });
    });
  };
  return (
    <Paper component="li" withBorder p="sm" bg={unread ? 'indigo.0' : undefined}>
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Text fw={unread ? 600 : 400}>
          {to ? (
            <Anchor component={Link} to={to} onClick={markRead}>
              {text}
            </Anchor>
          ) : (
            text
          )}
        </Text>
        {unread && <Badge size="sm">Unread</Badge>}
      </Group>
      <Text size="xs" c="dimmed">
        {formatDateTime(item.createdAt, zone)}
      </Text>
    </Paper>
  );
}

export function InboxPage() {
  const queryClient = useQueryClient();
  const list = useQuery({
    queryKey: key,
    queryFn: () => unwrap(api.GET('/v1/notifications')),
    // New notifications appear without a reload.
    refetchInterval: 20_000,
  });
  const readAll = useMutation({
    mutationFn: () => unwrap(api.POST('/v1/notifications/read-all')),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: key });
      void queryClient.invalidateQueries({ queryKey: unreadCountKey });
    },
  });
  const items = list.data?.items ?? [];
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
          <EmptyState title="Nothing here yet">
            Requests, answers, meetup changes and reminders will show up here.
          </EmptyState>
        ) : (
          <>
            <Stack
              component="ul"
              gap="xs"
              p={0}
              m={0}
              style={{ listStyle: 'none' }}
              aria-label="Notifications, newest first"
            >
              {items.map((item) => (
                <NotificationItem key={item.id} item={item} />
              ))}
            </Stack>
          </>
        )}
      </Stack>
    </>
  );
}
