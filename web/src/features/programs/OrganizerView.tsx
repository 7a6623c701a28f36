import { Anchor, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { unwrap } from '../../api/problem';
import { EmptyState } from '../../components/EmptyState';
import { FormAlert } from '../../components/FormAlert';
import { formErrors } from '../../components/form-errors';
import { Loading } from '../../components/Loading';
import { LoadMore } from '../../components/LoadMore';
import { QueryError } from '../../components/QueryError';
import { MatchRunCard } from './MatchRunCard';
import { runsKey, useMembers, useRuns, type Member, type Program } from './use-programs';

function Side({ title, members, empty }: { title: string; members: Member[]; empty: string }) {
  const id = `side-${title.toLowerCase()}`;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id}>
      <Title order={3} size="h5" id={id} mb="xs">
        {title} ({members.length})
      </Title>
      {members.length === 0 ? (
        <Text c="dimmed" size="sm">
          {empty}
        </Text>
      ) : (
        <Stack component="ul" gap={4} p={0} m={0} style={{ listStyle: 'none' }} aria-label={title}>
          {members.map((m) => (
            <li key={m.profileId}>
              <Anchor component={Link} to={`/people/${m.profileId}`}>
                {m.displayName}
              </Anchor>
              {m.capacity !== null && (
                <Text span c="dimmed" size="sm">
                  {' '}
                  · {m.capacity} {m.capacity === 1 ? 'seat' : 'seats'}
                </Text>
              )}
            </li>
          ))}
        </Stack>
      )}
    </Paper>
  );
}

/** The organizer's page: who joined, the match runs with their results, and publishing one of them. */
export function OrganizerView({ program }: { program: Program }) {
  const queryClient = useQueryClient();
  const members = useMembers(program.id, true);
  const runs = useRuns(program.id);
  const start = useMutation({
    mutationFn: () => unwrap(api.POST('/v1/programs/{id}/match-runs', { params: { path: { id: program.id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: runsKey(program.id) }),
  });
  const startErrors = formErrors(start.error, []);
  const all = members.data?.items ?? [];
  const learners = all.filter((m) => m.side === 'learner');
  const mentors = all.filter((m) => m.side === 'mentor');
  const names = new Map(all.map((m) => [m.profileId, m.displayName]));
  const runItems = runs.data?.pages.flatMap((page) => page.items) ?? [];
  const open = program.status === 'open';
  return (
    <Stack gap="xl">
      <Stack component="section" aria-labelledby="members-heading" gap="sm">
        <Title order={2} size="h3" id="members-heading">
          Members
        </Title>
        {open && (
          <Text size="sm" c="dimmed">
            Share this page’s address: learners and mentors join from it and rank the other side.
          </Text>
        )}
        {members.isPending ? (
          <Loading />
        ) : members.isError ? (
          <QueryError error={members.error} />
        ) : (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Side title="Learners" members={learners} empty="No learner has joined yet." />
            <Side title="Mentors" members={mentors} empty="No mentor has joined yet." />
          </SimpleGrid>
        )}
      </Stack>

      <Stack component="section" aria-labelledby="runs-heading" gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Title order={2} size="h3" id="runs-heading">
            Match runs
          </Title>
          {open && (
            <Button onClick={() => start.mutate()} loading={start.isPending}>
              Run matching
            </Button>
          )}
        </Group>
        <FormAlert messages={startErrors.general} title="Matching did not start" />
        {runs.isPending ? (
          <Loading />
        ) : runs.isError ? (
          <QueryError error={runs.error} />
        ) : runItems.length === 0 ? (
          <EmptyState title="No match runs yet">
            {learners.length && mentors.length
              ? 'Press “Run matching” to pair learners with mentors. You can run it as often as you like and ' +
                'publish the result you want.'
              : 'Wait until learners and mentors have joined, then press “Run matching”.'}
          </EmptyState>
        ) : (
          <Stack component="ul" gap="md" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Match runs">
            {runItems.map((run) => (
              <MatchRunCard key={run.id} program={program} run={run} names={names} />
            ))}
          </Stack>
        )}
        <LoadMore pages={runs} label="Show older runs" />
      </Stack>
    </Stack>
  );
}
