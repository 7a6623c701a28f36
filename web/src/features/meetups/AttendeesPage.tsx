import { Anchor, Badge, Button, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useInfiniteQuery, useMutation, useQueryClient, type InfiniteData } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, type Schemas } from '../../api/client';
import { unwrap } from '../../api/problem';
import { EmptyState } from '../../components/EmptyState';
import { LoadMore } from '../../components/LoadMore';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { QueryError } from '../../components/QueryError';
import { formatDateTime } from '../../lib/time';
import { useViewerTimeZone } from '../auth/use-auth';
import { meetupKey, useMeetup, type Attendee } from './use-meetups';

const STATUS = {
  going: { label: 'Going', color: 'teal' },
  waitlisted: { label: 'Waitlisted', color: 'blue' },
  interested: { label: 'Interested', color: 'indigo' },
  not_going: { label: 'Not going', color: 'gray' },
} as const;

type Pages = InfiniteData<Schemas['AttendeePage'], string | undefined>;

function AttendeeRow({ attendee, meetupId, zone }: { attendee: Attendee; meetupId: string; zone: string }) {
  const queryClient = useQueryClient();
  const nameId = useId();
  const checkIn = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/v1/meetups/{id}/check-ins', {
          params: { path: { id: meetupId } },
          body: { profileId: attendee.profileId },
        }),
      ),
    onSuccess: (row) =>
      queryClient.setQueryData<Pages>([...meetupKey(meetupId), 'attendees'], (old) =>
        old
          ? {
              ...old,
              pages: old.pages.map((page) => ({
                ...page,
                items: page.items.map((a) => (a.profileId === row.profileId ? row : a)),
              })),
            }
          : old,
      ),
    onError: (error) =>
      notifications.show({ color: 'red', title: `${attendee.displayName} not checked in`, message: error.message }),
  });
  const status = STATUS[attendee.status];
  return (
    <Table.Tr>
      <Table.Td id={nameId} style={{ overflowWrap: 'anywhere' }}>
        <Anchor component={Link} to={`/people/${attendee.profileId}`}>
          {attendee.displayName}
        </Anchor>
      </Table.Td>
      <Table.Td>
        <Badge color={status.color} variant="light">
          {status.label}
        </Badge>
      </Table.Td>
      <Table.Td>{attendee.waitlistPosition ?? '—'}</Table.Td>
      <Table.Td>
        {attendee.checkedInAt ? (
          formatDateTime(attendee.checkedInAt, zone)
        ) : attendee.status === 'going' ? (
          // The name stays "Check in" (what is on screen); the row's person is its description.
          <Button size="xs" aria-describedby={nameId} onClick={() => checkIn.mutate()} loading={checkIn.isPending}>
            Check in
          </Button>
        ) : (
          '—'
        )}
      </Table.Td>
    </Table.Tr>
  );
}

export function AttendeesPage() {
  const { id = '' } = useParams();
  const zone = useViewerTimeZone();
  const meetup = useMeetup(id);
  const [find, setFind] = useState('');
  const attendees = useInfiniteQuery({
    queryKey: [...meetupKey(id), 'attendees'],
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/v1/meetups/{id}/attendees', {
          params: { path: { id }, query: { cursor: pageParam, limit: 100 } },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const all = attendees.data?.pages.flatMap((page) => page.items) ?? [];
  const needle = find.trim().toLocaleLowerCase();
  const shown = needle ? all.filter((a) => a.displayName.toLocaleLowerCase().includes(needle)) : all;
  const checkedIn = all.filter((a) => a.checkedInAt).length;
  const going = all.filter((a) => a.status === 'going').length;
  return (
    <>
      <PageHeading>Attendees</PageHeading>
      <Stack>
        {meetup.data && (
          <Text>
            <Anchor component={Link} to={`/meetups/${id}`} style={{ overflowWrap: 'anywhere' }}>
              {meetup.data.title}
            </Anchor>{' '}
            · {formatDateTime(meetup.data.startsAt, zone)}
          </Text>
        )}
        {attendees.isPending ? (
          <Loading label="Loading attendees…" />
        ) : attendees.isError ? (
          <QueryError error={attendees.error} />
        ) : all.length === 0 ? (
          <EmptyState title="Nobody has answered yet">
            Members who say they are going, or are interested, appear here. Share the meetup’s page to spread the word.
          </EmptyState>
        ) : (
          <>
            <Group justify="space-between" align="flex-end" wrap="wrap">
              <TextInput
                type="search"
                label="Find attendee"
                placeholder="Name"
                value={find}
                onChange={(e) => setFind(e.currentTarget.value)}
                style={{ flex: '1 1 220px', maxWidth: 360 }}
              />
              <Text size="sm" c="dimmed" role="status">
                {checkedIn} of {going} going checked in
              </Text>
            </Group>
            <Table.ScrollContainer
              minWidth={520}
              type="native"
              tabIndex={0}
              role="region"
              aria-label="Attendees table, scrolls sideways"
            >
              <Table verticalSpacing="xs" withRowBorders>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Name</Table.Th>
                    <Table.Th scope="col">Status</Table.Th>
                    <Table.Th scope="col">Position</Table.Th>
                    <Table.Th scope="col">Checked in</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {shown.map((attendee) => (
                    <AttendeeRow key={attendee.profileId} attendee={attendee} meetupId={id} zone={zone} />
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            {shown.length === 0 && <Text>Nobody loaded here is called “{find.trim()}”.</Text>}
            <LoadMore pages={attendees} />
          </>
        )}
      </Stack>
    </>
  );
}
