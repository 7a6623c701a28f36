import { Anchor, Button, Checkbox, Group, NumberInput, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { api, type Schemas } from '../../api/client';
import { ApiError, unwrap } from '../../api/problem';
import { EmptyState } from '../../components/EmptyState';
import { FormAlert } from '../../components/FormAlert';
import { formErrors } from '../../components/form-errors';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { QueryError } from '../../components/QueryError';
import { PersonName } from './PersonName';
import { SettingsNav } from './SettingsNav';

type Settings = Schemas['MentoringSettings'];

const key = ['profiles', 'me', 'mentoring'] as const;
const MAX_CAPACITY = 20;

/** The learners this mentor is mentoring now, each linking to the mentorship. */
function ActiveMentees({ count }: { count: number }) {
  const mentorships = useQuery({
    // Under ['mentorships'], so accepting or completing one refreshes this list too.
    queryKey: ['mentorships', 'mentor-active'],
    queryFn: () =>
      unwrap(api.GET('/v1/mentorships', { params: { query: { as: 'mentor', status: 'active', limit: 100 } } })),
    enabled: count > 0,
  });
  if (count === 0) {
    return (
      <Text size="sm" c="dimmed">
        No active mentees yet. Accepted requests show up here.
      </Text>
    );
  }
  if (mentorships.isPending) return <Loading />;
  if (mentorships.isError) return <QueryError error={mentorships.error} />;
  return (
    <Stack component="ul" gap={4} p={0} m={0} style={{ listStyle: 'none' }} aria-label="Active mentees">
      {mentorships.data.items.map((m) => (
        <li key={m.id}>
          <Anchor component={Link} to={`/mentorships/${m.id}`}>
            <PersonName id={m.learnerId} name={m.learnerName} plain />
          </Anchor>
        </li>
      ))}
    </Stack>
  );
}

function Summary({ settings }: { settings: Settings }) {
  const open = settings.acceptingMentees && settings.openSlots > 0;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="mentees-heading">
      <Title order={2} size="h4" id="mentees-heading" mb="xs">
        Your mentees
      </Title>
      <Group gap="xl" mb="xs">
        <Text>
          Active mentees: <strong>{settings.activeMentees}</strong>
        </Text>
        <Text>
          Open slots: <strong>{settings.openSlots}</strong>
        </Text>
      </Group>
      <Text size="sm" c={open ? 'teal.9' : 'dimmed'} mb="sm">
        {open
          ? 'Learners can find you and send requests.'
          : !settings.acceptingMentees
            ? 'Learners cannot send you requests: tick “Accepting mentees” below.'
            : 'Learners cannot send you requests until a slot opens: raise your capacity or complete a mentorship.'}
      </Text>
      <ActiveMentees count={settings.activeMentees} />
      <Text size="sm" mt="sm">
        <Anchor component={Link} to="/requests?tab=received">
          See the requests you received
        </Anchor>
      </Text>
    </Paper>
  );
}

function MentoringForm({ settings }: { settings: Settings }) {
  const queryClient = useQueryClient();
  const [accepting, setAccepting] = useState(settings.acceptingMentees);
  const [capacity, setCapacity] = useState<number | string>(settings.capacity);
  const [missing, setMissing] = useState(false);
  const save = useMutation({
    mutationFn: () =>
      unwrap(
        api.PUT('/v1/profiles/me/mentoring', { body: { acceptingMentees: accepting, capacity: Number(capacity) } }),
      ),
    onSuccess: (saved) => {
      queryClient.setQueryData(key, saved);
      notifications.show({ color: 'teal', message: 'Mentoring settings saved' });
    },
  });
  const errors = formErrors(save.error, ['acceptingMentees', 'capacity']);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const empty = capacity === '';
    setMissing(empty);
    if (!empty) save.mutate();
  };
  const belowActive = typeof capacity === 'number' && capacity < settings.activeMentees;
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Checkbox
          label="Accepting mentees"
          description="Learners can find you and send requests while you have an open slot"
          checked={accepting}
          onChange={(e) => setAccepting(e.currentTarget.checked)}
          error={errors.field('acceptingMentees')}
        />
        <NumberInput
          label="Capacity"
          description={`How many mentees you can take at once (0 to ${MAX_CAPACITY})`}
          min={0}
          max={MAX_CAPACITY}
          allowDecimal={false}
          allowNegative={false}
          value={capacity}
          onChange={(value) => {
            setCapacity(value);
            setMissing(false);
          }}
          error={missing ? 'Enter a capacity from 0 to 20.' : errors.field('capacity')}
          maw={200}
        />
        {belowActive && (
          <Text size="sm" c="dimmed">
            That is fewer than your {settings.activeMentees} active mentees: nobody is dropped, you just take no new
            ones until enough mentorships end.
          </Text>
        )}
        <FormAlert messages={errors.general} />
        <div>
          <Button type="submit" loading={save.isPending}>
            Save
          </Button>
        </div>
      </Stack>
    </form>
  );
}

export function MentoringPage() {
  const settings = useQuery({ queryKey: key, queryFn: () => unwrap(api.GET('/v1/profiles/me/mentoring')) });
  const notMentor = settings.error instanceof ApiError && settings.error.status === 403;
  return (
    <>
      <PageHeading>Mentoring</PageHeading>
      <SettingsNav />
      {settings.isPending ? (
        <Loading />
      ) : notMentor ? (
        <EmptyState title="Only mentors have mentoring settings">
          Your account is not a mentor account. Looking for a mentor yourself? See{' '}
          <Link to="/mentors">Find a mentor</Link>.
        </EmptyState>
      ) : settings.isError ? (
        <QueryError error={settings.error} />
      ) : (
        <Stack maw={560}>
          <Summary settings={settings.data} />
          <MentoringForm settings={settings.data} />
        </Stack>
      )}
    </>
  );
}
