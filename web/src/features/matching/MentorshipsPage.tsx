import { Anchor, Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, type Schemas } from '../../api/client';
import { unwrap } from '../../api/problem';
import { EmptyState } from '../../components/EmptyState';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { QueryError } from '../../components/QueryError';
import { formatDateTime } from '../../lib/time';
import { useMe, useViewerTimeZone } from '../auth/use-auth';
import { PersonName } from '../profiles/PersonName';

function MentorshipItem({ mentorship, myId }: { mentorship: Schemas['MentorshipView']; myId: string }) {
  const zone = useViewerTimeZone();
  const iAmMentor = mentorship.mentorId === myId;
  const other = iAmMentor ? mentorship.learnerId : mentorship.mentorId;
  const otherName = iAmMentor ? mentorship.learnerName : mentorship.mentorName;
  const open = mentorship.tasks.filter((task) => !task.done).length;
  return (
    <Paper component="li" withBorder p="md">
      <Group justify="space-between" wrap="wrap">
        <Anchor component={Link} to={`/mentorships/${mentorship.id}`} fw={600}>
          Mentorship with <PersonName id={other} name={otherName} plain />
        </Anchor>
        <Badge color={mentorship.status === 'active' ? 'teal' : 'gray'}>{mentorship.status}</Badge>
      </Group>
      <Text size="sm" c="dimmed" mt={4}>
        {iAmMentor ? 'You mentor them' : 'They mentor you'} · since {formatDateTime(mentorship.startedAt, zone)} ·{' '}
        {open} open {open === 1 ? 'task' : 'tasks'}
      </Text>
    </Paper>
  );
}

export function MentorshipsPage() {
  const me = useMe();
  const mentorships = useQuery({
    queryKey: ['mentorships'],
    queryFn: () => unwrap(api.GET('/v1/mentorships')),
  });
  return (
    <>
      <PageHeading>Mentorships</PageHeading>
      {mentorships.isPending || me.isPending ? (
        <Loading />
      ) : mentorships.isError ? (
        <QueryError error={mentorships.error} />
      ) : mentorships.data.items.length === 0 ? (
        <EmptyState title="No mentorships yet">
          A mentorship starts when a mentor accepts a request. Learners: send one from{' '}
          <Link to="/suggestions">your suggestions</Link>. Mentors: answer the ones under{' '}
          <Link to="/requests?tab=received">Received</Link>.
        </EmptyState>
      ) : (
        <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Your mentorships">
          {mentorships.data.items.map((mentorship) => (
            <MentorshipItem key={mentorship.id} mentorship={mentorship} myId={me.data?.id ?? ''} />
          ))}
        </Stack>
      )}
    </>
  );
}
