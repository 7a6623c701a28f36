import { Anchor, Button, Checkbox, List, NumberInput, Paper, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { api, type Schemas } from '../../api/client';
import { unwrap } from '../../api/problem';
import { FormAlert } from '../../components/FormAlert';
import { formErrors } from '../../components/form-errors';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { QueryError } from '../../components/QueryError';
import { useMe } from '../auth/use-auth';
import { PersonName } from './PersonName';
import { SettingsNav } from './SettingsNav';

const key = ['profiles', 'me', 'mentoring'] as const;

/** The learners this mentor is mentoring now, each linking to the mentorship. */
function ActiveMentees() {
  const me = useMe();
  const mentorships = useQuery({ queryKey: ['mentorships'], queryFn: () => unwrap(api.GET('/v1/mentorships')) });
  const mine = (mentorships.data?.items ?? []).filter((m) => m.status === 'active' && m.mentorId === me.data?.id);
  if (mine.length === 0) return null;
  return (
    <List aria-label="Active mentees" size="sm" mt="xs">
      {mine.map((m) => (
        <List.Item key={m.id}>
          <Anchor component={Link} to={`/mentorships/${m.id}`}>
            <PersonName id={m.learnerId} plain />
          </Anchor>
        </List.Item>
      ))}
    </List>
  );
}

function MentoringForm({ settings }: { settings: Schemas['MentoringSettings'] }) {
  const queryClient = useQueryClient();
  const [accepting, setAccepting] = useState(settings.acceptingMentees);
  const [capacity, setCapacity] = useState<number>(settings.capacity);
  const save = useMutation({
    mutationFn: () => unwrap(api.PUT('/v1/profiles/me/mentoring', { body: { acceptingMentees: accepting, capacity } })),
    onSuccess: (saved) => {
      queryClient.setQueryData(key, saved);
      notifications.show({ color: 'teal', message: 'Mentoring settings saved' });
    },
  });
  const errors = formErrors(save.error, ['acceptingMentees', 'capacity']);
  const current = save.data ?? settings;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <Stack maw={520}>
      <Paper withBorder p="md">
        <Text>
          Active mentees: <strong>{current.activeMentees}</strong> · Open slots: <strong>{current.openSlots}</strong>
        </Text>
        <Text size="sm" c="dimmed">
          {current.acceptingMentees && current.openSlots > 0
            ? 'Learners can find you and send requests.'
            : 'Learners cannot send you requests until you accept mentees and have an open slot.'}
        </Text>
        <ActiveMentees />
      </Paper>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Checkbox
            label="Accepting mentees"
            checked={accepting}
            onChange={(e) => setAccepting(e.currentTarget.checked)}
            error={errors.field('acceptingMentees')}
          />
          <NumberInput
            label="Capacity"
            description="How many mentees you can take at once (0 to 20)"
            min={0}
            max={20}
            allowDecimal={false}
            value={capacity}
            onChange={(value) => setCapacity(typeof value === 'number' ? value : Number(value) || 0)}
            error={errors.field('capacity')}
          />
          <FormAlert messages={errors.general} />
          <div>
            <Button type="submit" loading={save.isPending}>
              Save
            </Button>
          </div>
        </Stack>
      </form>
    </Stack>
  );
}

export function MentoringPage() {
  const settings = useQuery({ queryKey: key, queryFn: () => unwrap(api.GET('/v1/profiles/me/mentoring')) });
  return (
    <>
      <PageHeading>Mentoring</PageHeading>
      <SettingsNav />
      {settings.isPending ? (
        <Loading />
      ) : settings.isError ? (
        <QueryError error={settings.error} />
      ) : (
        <MentoringForm settings={settings.data} />
      )}
    </>
  );
}
