import { Badge, Button, Group, NativeSelect, Paper, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, type Schemas } from '../../api/client';
import { unwrap } from '../../api/problem';
import { EmptyState } from '../../components/EmptyState';
import { FormAlert } from '../../components/FormAlert';
import { formErrors } from '../../components/form-errors';
import { PageHeading } from '../../components/PageHeading';

export function ProgramsPage() {
  // The API has no "my programs" listing yet: this page lists the programs created during this visit.
  const [created, setCreated] = useState<Schemas['ProgramView'][]>([]);
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [mode, setMode] = useState<'stable' | 'optimal'>('stable');
  const create = useMutation({
    mutationFn: () =>
      unwrap(api.POST('/v1/programs', { body: { name, description: description.trim() || undefined, mode } })),
    onSuccess: (program) => {
      setName('');
      setDescription('');
      setCreated((list) => [program, ...list]);
      notifications.show({ color: 'teal', message: 'Program created' });
    },
  });
  const errors = formErrors(create.error, ['name', 'description', 'mode']);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  return (
    <>
      <PageHeading>Programs</PageHeading>
      <Stack maw={720}>
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
        {created.length === 0 ? (
          <EmptyState title="No programs created in this visit">
            Create one above, then share its address with the learners and mentors who should join it.
          </EmptyState>
        ) : (
          <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Programs">
            {created.map((program) => (
              <Paper component="li" withBorder p="sm" key={program.id}>
                <Group justify="space-between" wrap="wrap">
                  <Text fw={600}>{program.name}</Text>
                  <Group gap="xs">
                    <Badge variant="light">{program.mode}</Badge>
                    <Badge color={program.status === 'open' ? 'teal' : 'gray'}>{program.status}</Badge>
                  </Group>
                </Group>
                {program.description && (
                  <Text size="sm" c="dimmed">
                    {program.description}
                  </Text>
                )}
              </Paper>
            ))}
          </Stack>
        )}
      </Stack>
    </>
  );
}
