import { Badge, Button, Group, NativeSelect, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, type Schemas } from '../../api/client';
import { unwrap } from '../../api/problem';
import { EmptyState } from '../../components/EmptyState';
import { FormAlert } from '../../components/FormAlert';
import { formErrors } from '../../components/form-errors';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { QueryError } from '../../components/QueryError';
import { levelLabel } from '../../lib/levels';
import { formatDate } from '../../lib/time';
import { SettingsNav } from './SettingsNav';
import { SkillSelect } from './SkillSelect';
import { useSkillNames } from './use-skills';

type Goal = Schemas['Goal'];
export const goalsKey = ['goals'] as const;

const TARGET_LEVELS = [1, 2, 3, 4, 5].map((level) => ({ value: String(level), label: levelLabel(level) }));
const FIELDS = ['skill', 'targetLevel', 'targetDate', 'note'] as const;

function AddGoalForm() {
  const queryClient = useQueryClient();
  const [skill, setSkill] = useState<string | null>(null);
  const [targetLevel, setTargetLevel] = useState('3');
  const [targetDate, setTargetDate] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const add = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/v1/profiles/me/goals', {
          body: {
            skill: skill ?? '',
            targetLevel: Number(targetLevel),
            targetDate: targetDate ?? undefined,
            note: note.trim() || undefined,
          },
        }),
      ),
    onSuccess: () => {
      setSkill(null);
      setTargetDate(null);
      setNote('');
      void queryClient.invalidateQueries({ queryKey: goalsKey });
      void queryClient.invalidateQueries({ queryKey: ['match-suggestions'] });
      notifications.show({ color: 'teal', message: 'Goal added' });
    },
  });
  const errors = formErrors(add.error, FIELDS);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate();
  };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="new-goal">
      <Title order={2} size="h4" id="new-goal" mb="sm">
        New goal
      </Title>
      <form onSubmit={submit} noValidate>
        <Stack>
          <SkillSelect label="Skill" value={skill} onChange={setSkill} clearable error={errors.field('skill')} />
          <Group grow wrap="wrap" align="flex-start">
            <NativeSelect
              label="Target level"
              data={TARGET_LEVELS}
              value={targetLevel}
              onChange={(e) => setTargetLevel(e.currentTarget.value)}
              error={errors.field('targetLevel')}
            />
            <DateInput
              label="Target date"
              placeholder="YYYY-MM-DD"
              valueFormat="YYYY-MM-DD"
              value={targetDate}
              onChange={setTargetDate}
              clearable
              minDate={new Date()}
              error={errors.field('targetDate')}
            />
          </Group>
          <Textarea label="Note" autosize minRows={2} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
          <FormAlert messages={errors.general} />
          <div>
            <Button type="submit" loading={add.isPending}>
              Add goal
            </Button>
          </div>
        </Stack>
      </form>
    </Paper>
  );
}

function GoalItem({ goal }: { goal: Goal }) {
  const queryClient = useQueryClient();
  const nameOf = useSkillNames();
  const change = useMutation({
    mutationFn: (status: 'achieved' | 'abandoned') =>
      unwrap(api.PATCH('/v1/profiles/me/goals/{id}', { params: { path: { id: goal.id } }, body: { status } })),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: goalsKey });
      void queryClient.invalidateQueries({ queryKey: ['match-suggestions'] });
    },
    onError: (error) => notifications.show({ color: 'red', message: error.message }),
  });
  return (
    <Paper component="li" withBorder p="sm">
      <Group justify="space-between" wrap="wrap">
        <div>
          <Text fw={600}>
            {nameOf(goal.skill)} → {levelLabel(goal.targetLevel)}
          </Text>
          <Text size="sm" c="dimmed">
            {goal.targetDate ? `By ${formatDate(goal.targetDate)}` : 'No target date'}
            {goal.note ? ` · ${goal.note}` : ''}
          </Text>
        </div>
        {goal.status === 'active' ? (
          <Group gap="xs">
            <Button size="xs" variant="light" loading={change.isPending} onClick={() => change.mutate('achieved')}>
              Mark achieved
            </Button>
            <Button size="xs" variant="subtle" color="gray" onClick={() => change.mutate('abandoned')}>
              Abandon
            </Button>
          </Group>
        ) : (
          <Badge color={goal.status === 'achieved' ? 'teal' : 'gray'}>{goal.status}</Badge>
        )}
      </Group>
    </Paper>
  );
}

export function GoalsPage() {
  const goals = useQuery({ queryKey: goalsKey, queryFn: () => unwrap(api.GET('/v1/profiles/me/goals')) });
  return (
    <>
      <PageHeading>Your goals</PageHeading>
      <SettingsNav />
      <Stack maw={640}>
        <AddGoalForm />
        {goals.isPending ? (
          <Loading />
        ) : goals.isError ? (
          <QueryError error={goals.error} />
        ) : goals.data.items.length === 0 ? (
          <EmptyState title="No goals yet">
            Add a goal above: a skill and the level you want to reach. Suggestions rank mentors by your active goals.
          </EmptyState>
        ) : (
          <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Goals">
            {goals.data.items.map((goal) => (
              <GoalItem key={goal.id} goal={goal} />
            ))}
          </Stack>
        )}
      </Stack>
    </>
  );
}
