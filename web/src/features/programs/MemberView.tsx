import { Button, Group, NumberInput, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { unwrap } from '../../api/problem';
import { EmptyState } from '../../components/EmptyState';
import { FormAlert } from '../../components/FormAlert';
import { formErrors } from '../../components/form-errors';
import { Loading } from '../../components/Loading';
import { QueryError } from '../../components/QueryError';
import { RankingEditor } from './RankingEditor';
import { membershipKey, programKey, programsKey, useMembership, type Membership, type Program } from './use-programs';

type Role = 'learner' | 'mentor' | 'organizer' | 'admin';

const capacityValue = (value: string | number) => (typeof value === 'number' ? value : Number(value) || 0);

function JoinForm({ program, roles }: { program: Program; roles: Role[] }) {
  const queryClient = useQueryClient();
  const [capacity, setCapacity] = useState(2);
  const join = useMutation({
    mutationFn: (as: 'learner' | 'mentor') =>
      unwrap(
        api.POST('/v1/programs/{id}/join', {
          params: { path: { id: program.id } },
          body: as === 'mentor' ? { as, capacity } : { as },
        }),
      ),
    onSuccess: (membership) => {
      queryClient.setQueryData(membershipKey(program.id), membership);
      void queryClient.invalidateQueries({ queryKey: programKey(program.id) });
      void queryClient.invalidateQueries({ queryKey: [...programsKey, 'list'] });
      notifications.show({ color: 'teal', message: `You joined ${program.name}. Now rank the other side.` });
    },
  });
  const errors = formErrors(join.error, ['capacity']);
  const learner = roles.includes('learner');
  const mentor = roles.includes('mentor');
  if (program.status !== 'open') {
    return <EmptyState title="This program is closed">It is published and takes no new members.</EmptyState>;
  }
  if (!learner && !mentor) {
    return (
      <EmptyState title="Only learners and mentors join programs">
        Add the learner or mentor role to your account to take part.
      </EmptyState>
    );
  }
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="join-heading">
      <Title order={2} size="h4" id="join-heading" mb="xs">
        Join this program
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        Once you join you rank the other side; the organizer then pairs everyone and publishes the result as
        mentorships.
      </Text>
      <Stack>
        {mentor && (
          <NumberInput
            label="Capacity"
            description="How many learners you can mentor in this program (1 to 20)"
            min={1}
            max={20}
            allowDecimal={false}
            maw={320}
            value={capacity}
            onChange={(value) => setCapacity(capacityValue(value))}
            error={errors.field('capacity')}
          />
        )}
        <FormAlert messages={errors.general} title="Not joined" />
        <Group>
          {learner && (
            <Button onClick={() => join.mutate('learner')} loading={join.isPending && join.variables === 'learner'}>
              Join as learner
            </Button>
          )}
          {mentor && (
            <Button onClick={() => join.mutate('mentor')} loading={join.isPending && join.variables === 'mentor'}>
              Join as mentor
            </Button>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}

function CapacityForm({ program, membership }: { program: Program; membership: Membership }) {
  const queryClient = useQueryClient();
  const [capacity, setCapacity] = useState(membership.capacity ?? 1);
  const save = useMutation({
    mutationFn: () =>
      unwrap(api.PATCH('/v1/programs/{id}/members/me', { params: { path: { id: program.id } }, body: { capacity } })),
    onSuccess: (saved) => {
      queryClient.setQueryData(membershipKey(program.id), saved);
      notifications.show({ color: 'teal', message: 'Capacity saved' });
    },
  });
  const errors = formErrors(save.error, ['capacity']);
  const open = program.status === 'open';
  return (
    <Stack gap="xs">
      <Group align="flex-end" gap="sm">
        <NumberInput
          label="Capacity"
          description="Learners you can mentor in this program (1 to 20)"
          min={1}
          max={20}
          allowDecimal={false}
          maw={320}
          value={capacity}
          disabled={!open}
          onChange={(value) => setCapacity(capacityValue(value))}
          error={errors.field('capacity')}
        />
        {open && (
          <Button variant="default" onClick={() => save.mutate()} loading={save.isPending}>
            Save capacity
          </Button>
        )}
      </Group>
      <FormAlert messages={errors.general} />
    </Stack>
  );
}

/** A learner's or mentor's page: join, then keep a capacity (mentors) and a ranking of the other side. */
export function MemberView({ program, roles }: { program: Program; roles: Role[] }) {
  const membership = useMembership(program.id, true);
  if (membership.isPending) return <Loading />;
  if (membership.isError) return <QueryError error={membership.error} />;
  if (!membership.data) return <JoinForm program={program} roles={roles} />;
  const me = membership.data;
  return (
    <Stack gap="lg">
      <Text>
        You joined as a <strong>{me.as}</strong>.{' '}
        {program.status === 'open' ? (
          'The organizer will run matching and publish the pairs; until then you can change your ranking.'
        ) : (
          <>
            Matching is published: see <Link to="/mentorships">your mentorships</Link> for who you were paired with.
          </>
        )}
      </Text>
      {me.as === 'mentor' && <CapacityForm program={program} membership={me} />}
      <RankingEditor program={program} membership={me} />
    </Stack>
  );
}
