import { LoadMore } from '../../components/LoadMore';
import { Anchor, Badge, Checkbox, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, type Schemas } from '../../api/client';
import { unwrap } from '../../api/problem';
import { EmptyState } from '../../components/EmptyState';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { QueryError } from '../../components/QueryError';
import { formatDateTime } from '../../lib/time';
import { useViewerTimeZone } from '../auth/use-auth';

function MeetupItem({ meetup }: { meetup: Schemas['MeetupView'] }) {
  const zone = useViewerTimeZone();
  const seatsLeft = Math.max(0, meetup.capacity - meetup.goingCount);
  return (
    <Paper component="li" withBorder p="md">
      <Stack gap={4}>
        <Anchor component={Link} to={`/meetups/${meetup.id}`} fw={600} size="lg">
          {meetup.title}
        </Anchor>
        <Text size="sm">{formatDateTime(meetup.startsAt, zone)}</Text>
        <Group gap="xs">
          <Badge variant="light">{meetup.online ? 'Online' : (meetup.venue?.city ?? 'In person')}</Badge>
          <Badge variant="light" color={seatsLeft > 0 ? 'teal' : 'orange'}>
            {seatsLeft > 0 ? `${seatsLeft} seats left` : 'Full: waitlist'}
          </Badge>
          {meetup.level && <Badge variant="outline">{meetup.level}</Badge>}
        </Group>
      </Stack>
    </Paper>
  );
}

export function MeetupsPage() {
  const [search, setSearch] = useState('');
  const [onlineOnly, setOnlineOnly] = useState(false);
  const [q] = useDebouncedValue(search.trim(), 300);
  const meetups = useInfiniteQuery({
    queryKey: ['meetups', 'search', { q, onlineOnly }],
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/v1/meetups', {
          params: { query: { q: q || undefined, online: onlineOnly ? true : undefined, cursor: pageParam, limit: 20 } },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = meetups.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <>
      <PageHeading>Meetups</PageHeading>
      <Stack>
        <Group align="flex-end" wrap="wrap">
          <TextInput
            type="search"
            label="Search meetups"
            placeholder="e.g. PostgreSQL, testing"
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
            style={{ flex: '1 1 240px' }}
          />
          <Checkbox
            label="Online only"
            checked={onlineOnly}
            onChange={(e) => setOnlineOnly(e.currentTarget.checked)}
            mb={8}
          />
        </Group>
        {meetups.isPending ? (
          <Loading label="Finding meetups…" />
        ) : meetups.isError ? (
          <QueryError error={meetups.error} />
        ) : items.length === 0 ? (
          <EmptyState title="No upcoming meetups match">
            Try fewer words, or clear the search to see everything coming up.
          </EmptyState>
        ) : (
          <>
            <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Upcoming meetups">
              {items.map((meetup) => (
                <MeetupItem key={meetup.id} meetup={meetup} />
              ))}
            </Stack>
            <LoadMore pages={meetups} />
          </>
        )}
      </Stack>
    </>
  );
}
