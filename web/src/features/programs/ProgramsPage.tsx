import { Button, NativeSelect, Paper, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import { unwrap } from '../../api/problem';
import { EmptyState } from '../../components/EmptyState';
import { FormAlert } from '../../components/FormAlert';
import { formErrors } from '../../components/form-errors';
import { Loading } from '../../components/Loading';
import { LoadMore } from '../../components/LoadMore';
import { PageHeading } from '../../components/PageHeading';
import { QueryError } from '../../components/QueryError';
import { useHasRole, useMe } from '../auth/use-auth';
import { ProgramList } from './ProgramList';
import { programsKey, usePrograms } from './use-programs';

function CreateProgramForm() {
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [mode, setMode] = useState<'stable' | 'optimal'>('stable');
  const create = useMutation({
    mutationFn: () =>
      unwrap(api.POST('/v1/programs', { body: { name, description: description.trim() || undefined, mode } })),
    onSuccess: (program) => {
      setName('');
      setDescription('');
      void queryClient.invalidateQueries({ queryKey: [...programsKey, 'list'] });
      notifications.show({ color: 'teal', message: `${program.name} created: open it and share its address` });
    },
  });
  const errors = formErrors(create.error, ['name', 'description', 'mode']);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="new-program">
      <Title order={2} size="h4" id="new-program" mb="sm">
        New program
      </Title>
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput
            label="Name"
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={errors.field('name')}
          />
          <Textarea
            label="Description"
            autosize
            minRows={2}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
            error={errors.field('description')}
          />
          <NativeSelect
            label="Mode"
            description="Stable: nobody would rather swap partners. Optimal: the best total match score."
            data={[
              { value: 'stable', label: 'Stable' },
              { value: 'optimal', label: 'Optimal' },
            ]}
            value={mode}
            onChange={(e) => setMode(e.currentTarget.value as 'stable' | 'optimal')}
            error={errors.field('mode')}
          />
          <FormAlert messages={errors.general} />
          <div>
            <Button type="submit" loading={create.isPending}>
              Create program
            </Button>
          </div>
        </Stack>
      </form>
    </Paper>
  );
}

function MyPrograms({ organizer }: { organizer: boolean }) {
  const programs = usePrograms('mine');
  const items = programs.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Stack component="section" aria-labelledby="my-programs" gap="sm">
      <Title order={2} size="h4" id="my-programs">
        Your programs
      </Title>
      {programs.isPending ? (
        <Loading />
      ) : programs.isError ? (
        <QueryError error={programs.error} />
      ) : items.length === 0 ? (
        organizer ? (
          <EmptyState title="No programs yet">
            Create one above, then share its address with the learners and mentors who should join it.
          </EmptyState>
        ) : (
          <EmptyState title="You have not joined a program yet">
            Join one of the open programs below, or open the link an organizer shared with you.
          </EmptyState>
        )
      ) : (
        <>
          <ProgramList programs={items} label="Your programs" />
          <LoadMore pages={programs} />
        </>
      )}
    </Stack>
  );
}

function OpenPrograms() {
  const programs = usePrograms('open');
  const items = programs.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Stack component="section" aria-labelledby="open-programs" gap="sm">
      <Title order={2} size="h4" id="open-programs">
        Open programs
      </Title>
      {programs.isPending ? (
        <Loading />
      ) : programs.isError ? (
        <QueryError error={programs.error} />
      ) : items.length === 0 ? (
        <EmptyState title="No open programs to join">
          When an organizer opens a mentoring program it shows here; until then, find a mentor on your own under
          Mentors.
        </EmptyState>
      ) : (
        <>
          <ProgramList programs={items} label="Open programs" />
          <LoadMore pages={programs} />
        </>
      )}
    </Stack>
  );
}

/** Organizers create programs here; everyone finds the programs they take part in and the ones they can join. */
export function ProgramsPage() {
  const me = useMe();
  const organizer = useHasRole('organizer');
  const learner = useHasRole('learner');
  const mentor = useHasRole('mentor');
  const canJoin = learner || mentor;
  return (
    <>
      <PageHeading>Programs</PageHeading>
      {me.isPending ? (
        <Loading />
      ) : me.isError ? (
        <QueryError error={me.error} />
      ) : (
        <Stack maw={720} gap="xl">
          {organizer && <CreateProgramForm />}
          <MyPrograms organizer={organizer} />
          {canJoin && <OpenPrograms />}
        </Stack>
      )}
    </>
  );
}
