import { Paper, Stack, Text, Title } from '@mantine/core';
import type { Schemas } from '../../api/client';
import { Loading } from '../../components/Loading';
import { QueryError } from '../../components/QueryError';
import { useViewerTimeZone } from '../auth/use-auth';
import { SessionItem } from './SessionItem';
import { SessionPlanner } from './SessionPlanner';
import { useSessions } from './use-sessions';

/** The "Sessions" part of a mentorship's page: plan a time that suits both, and the sessions so far. */
export function SessionsSection({
  mentorship,
  myId,
  otherName,
}: {
  mentorship: Schemas['MentorshipView'];
  myId: string;
  otherName: string;
}) {
  const zone = useViewerTimeZone();
  const sessions = useSessions(mentorship.id);
  const active = mentorship.status === 'active';
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="sessions-heading">
      <Title order={2} size="h4" id="sessions-heading" mb="sm">
        Sessions
      </Title>
      <Stack gap="lg">
        {active && <SessionPlanner mentorshipId={mentorship.id} otherName={otherName} zone={zone} />}
        <Stack gap="xs">
          <Title order={3} size="h5">
            Your sessions
          </Title>
          {sessions.isPending ? (
            <Loading label="Loading sessions…" />
          ) : sessions.isError ? (
            <QueryError error={sessions.error} />
          ) : sessions.data.items.length === 0 ? (
            <Text c="dimmed">No sessions yet.{active && ' Find a time above and propose one.'}</Text>
          ) : (
            <Stack
              component="ul"
              gap="xs"
              p={0}
              m={0}
              style={{ listStyle: 'none' }}
              aria-label="Sessions, soonest first"
            >
              {sessions.data.items.map((session) => (
                <SessionItem
                  key={session.id}
                  session={session}
                  myId={myId}
                  otherName={otherName}
                  zone={zone}
                  canChange={active}
                />
              ))}
            </Stack>
          )}
        </Stack>
      </Stack>
    </Paper>
  );
}
