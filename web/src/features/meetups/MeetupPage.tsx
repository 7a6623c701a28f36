import { Alert, Anchor, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { lazy, Suspense, type MouseEvent } from 'react';
import { Link, useParams } from 'react-router';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { QueryError } from '../../components/QueryError';
import { formatDateTime } from '../../lib/time';
import { useMe, useSessionStatus, useViewerTimeZone } from '../auth/use-auth';
import { useSkillNames } from '../profiles/use-skills';
import { downloadMeetupIcs } from './download-meetup-ics';
import { LEVEL_NAMES, placeOf, seatsLeft, useMeetup, type Meetup } from './use-meetups';

// Only organizers see it, and its dialog is most of its code.
const CancelMeetupButton = lazy(() => import('./CancelMeetupButton').then((m) => ({ default: m.CancelMeetupButton })));
// Only members answer: a visitor's page does without the radio group's code.
const Rsvp = lazy(() => import('./Rsvp').then((m) => ({ default: m.Rsvp })));

const dd = { margin: 0, overflowWrap: 'anywhere' } as const;

function Facts({ meetup: m, zone }: { meetup: Meetup; zone: string }) {
  const nameOf = useSkillNames();
  const left = seatsLeft(m);
  return (
    <Paper withBorder p="md">
      <dl style={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: '6px 16px', margin: 0 }}>
        <dt>Starts</dt>
        <dd style={dd}>{formatDateTime(m.startsAt, zone)}</dd>
        <dt>Ends</dt>
        <dd style={dd}>{formatDateTime(m.endsAt, zone)}</dd>
        {m.timezone !== zone && (
          <>
            <dt>Local time</dt>
            <dd style={dd}>{formatDateTime(m.startsAt, m.timezone)}</dd>
          </>
        )}
        <dt>Where</dt>
        <dd style={dd}>
          {placeOf(m)}
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
        <dd style={dd}>{m.skills.map(nameOf).join(', ') || 'None listed'}</dd>
        <dt>Level</dt>
        <dd style={dd}>{m.level ? LEVEL_NAMES[m.level] : 'Any level'}</dd>
        <dt>Seats left</dt>
        <dd style={dd}>
          {left} of {m.capacity}
          {m.waitlistCount > 0 && ` · ${m.waitlistCount} on the waitlist`}
        </dd>
      </dl>
    </Paper>
  );
}

export function MeetupPage() {
  const { id = '' } = useParams();
  const status = useSessionStatus();
  const zone = useViewerTimeZone();
  const me = useMe();
  const meetup = useMeetup(id);
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
  const cancelled = m.status === 'cancelled';
  const ended = new Date(m.endsAt).getTime() <= Date.now();
  const organizing = me.data?.id === m.organizerId;
  const addToCalendar = (event: MouseEvent<HTMLAnchorElement>) => {
    // Signed in, the file comes through the client with the Bearer token (it may carry the online link).
    if (status !== 'signed-in') return;
    event.preventDefault();
    downloadMeetupIcs(m.id, `guildhall-meetup-${m.startsAt.slice(0, 10)}.ics`).catch((error: unknown) =>
      notifications.show({
        color: 'red',
        title: 'Could not download the calendar file',
        message: error instanceof Error ? error.message : 'Try again.',
      }),
    );
  };
  return (
    <>
      <PageHeading>{m.title}</PageHeading>
      <Stack maw={720}>
        {cancelled && (
          <Alert color="red" variant="outline" title="Cancelled">
            This meetup was cancelled by its organizer.
          </Alert>
        )}
        {!cancelled && ended && (
          <Alert color="gray" variant="outline" title="Ended">
            This meetup is over.
          </Alert>
        )}
        <Facts meetup={m} zone={zone} />
        {m.description && <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{m.description}</Text>}
        {status === 'signed-out' && (
          <Text>
            <Anchor component={Link} to={`/login?next=${encodeURIComponent(`/meetups/${m.id}`)}`}>
              Sign in to RSVP
            </Anchor>
          </Text>
        )}
        {/* A member's own answer is in their copy of the meetup, not in the public one shown while it loads. */}
        {status === 'signed-in' && !meetup.isPlaceholderData && (
          <Suspense fallback={null}>
            <Rsvp meetup={m} closed={cancelled || ended} />
          </Suspense>
        )}
        <Group gap="md" wrap="wrap">
          {!cancelled && (
            <Anchor href={`/v1/meetups/${m.id}/ics`} onClick={addToCalendar}>
              Add to calendar
            </Anchor>
          )}
          <Anchor component={Link} to="/meetups">
            All meetups
          </Anchor>
        </Group>
        {organizing && (
          <Paper withBorder p="md" component="section" aria-labelledby="organizer-tools">
            <Text fw={600} id="organizer-tools" mb="xs">
              You organize this meetup
            </Text>
            <Group gap="md" wrap="wrap">
              {!cancelled && (
                <Button component={Link} to={`/meetups/${m.id}/edit`} variant="default">
                  Edit
                </Button>
              )}
              <Button component={Link} to={`/meetups/${m.id}/attendees`} variant="default">
                Attendees
              </Button>
              {!cancelled && (
                <Suspense fallback={null}>
                  <CancelMeetupButton meetup={m} />
                </Suspense>
              )}
            </Group>
          </Paper>
        )}
      </Stack>
    </>
  );
}
