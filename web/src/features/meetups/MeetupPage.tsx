import { Alert, Anchor, Badge, Group, Paper, Radio, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useLocation, useParams } from 'react-router';
import { api } from '../../api/client';
import { unwrap } from '../../api/problem';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { QueryError } from '../../components/QueryError';
import { formatDateTime } from '../../lib/time';
import { useSessionStatus, useViewerTimeZone } from '../auth/use-auth';
import { useSkillNames } from '../profiles/use-skills';

type Answer = 'going' | 'interested' | 'not_going';

export function MeetupPage() {
  const { id = '' } = useParams();
  const location = useLocation();
  const status = useSessionStatus();
  const zone = useViewerTimeZone();
  const nameOf = useSkillNames();
  const queryClient = useQueryClient();
  const key = ['meetups', id, status] as const;
  const meetup = useQuery({
    queryKey: key,
    queryFn: () => unwrap(api.GET('/v1/meetups/{id}', { params: { path: { id } } })),
    enabled: status !== 'unknown',
  });
  const rsvp = useMutation({
    mutationFn: (answer: Answer) =>
      unwrap(api.POST('/v1/meetups/{id}/rsvp', { params: { path: { id } }, body: { status: answer } })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['meetups', id] }),
    onError: (error) => notifications.show({ color: 'red', title: 'RSVP not saved', message: error.message }),
  });
  if (meetup.isError) {
    return (
      <>
        <PageHeading>Meetup not found</PageHeading>
        <QueryError error={meetup.error} />
      </>
    );
  }
  if (meetup.isPending) return <Loading />;
  const m = meetup.data;
  const seatsLeft = Math.max(0, m.capacity - m.goingCount);
  const mine = m.myRsvp ?? null;
  const answer = mine ? (mine.status === 'waitlisted' ? 'going' : mine.status) : '';
  return (
    <>
      <PageHeading>{m.title}</PageHeading>
      <Stack maw={720}>
        {m.status === 'cancelled' && (
          <Alert color="red" title="Cancelled">
            This meetup was cancelled.
          </Alert>
        )}
        <Paper withBorder p="md">
          <dl style={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: '6px 16px', margin: 0 }}>
            <dt>Starts</dt>
            <dd style={{ margin: 0 }}>{formatDateTime(m.startsAt, zone)}</dd>
            <dt>Ends</dt>
            <dd style={{ margin: 0 }}>{formatDateTime(m.endsAt, zone)}</dd>
            {m.timezone !== zone && (
              <>
                <dt>Local time</dt>
                <dd style={{ margin: 0 }}>{formatDateTime(m.startsAt, m.timezone)}</dd>
              </>
            )}
            <dt>Where</dt>
            <dd style={{ margin: 0 }}>
              {m.online
                ? 'Online'
                : m.venue
                  ? `${m.venue.name}, ${m.venue.address}, ${m.venue.city}`
                  : 'To be announced'}
              {m.onlineUrl && (
                <>
                  {' · '}
                  <Anchor href={m.onlineUrl} target="_blank" rel="noopener noreferrer">
                    Join online
                  </Anchor>
                </>
              )}
            </dd>
            <dt>Skills</dt>
            <dd style={{ margin: 0 }}>{m.skills.map(nameOf).join(', ') || 'None listed'}</dd>
            {m.level && (
              <>
                <dt>Level</dt>
                <dd style={{ margin: 0 }}>{m.level}</dd>
              </>
            )}
            <dt>Seats left</dt>
            <dd style={{ margin: 0 }}>
              {seatsLeft} of {m.capacity}
              {m.waitlistCount > 0 && ` · ${m.waitlistCount} on the waitlist`}
            </dd>
          </dl>
        </Paper>
        {m.description && <Text style={{ whiteSpace: 'pre-wrap' }}>{m.description}</Text>}
        {status === 'signed-in' ? (
          m.status === 'scheduled' && (
            <Radio.Group label="Your RSVP" value={answer} onChange={(value) => rsvp.mutate(value as Answer)}>
              <Group mt="xs">
                <Radio value="going" label="Going" />
                <Radio value="interested" label="Interested" />
                <Radio value="not_going" label="Not going" />
              </Group>
            </Radio.Group>
          )
        ) : (
          <Anchor component={Link} to={`/login?next=${encodeURIComponent(location.pathname)}`}>
            Sign in to RSVP
          </Anchor>
        )}
        {mine?.status === 'waitlisted' && (
          <Text role="status">
            <Badge color="orange" mr="xs">
              Waitlist
            </Badge>
            Waitlisted: position {mine.waitlistPosition}
          </Text>
        )}
        <Anchor href={`/v1/meetups/${m.id}/ics`} download>
          Add to calendar
        </Anchor>
      </Stack>
    </>
  );
}
