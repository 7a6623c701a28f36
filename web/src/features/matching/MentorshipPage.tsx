import {
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  Modal,
  Paper,
  Radio,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { api, type Schemas } from '../../api/client';
import { ApiError, unwrap } from '../../api/problem';
import { FormAlert } from '../../components/FormAlert';
import { formErrors } from '../../components/form-errors';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { QueryError } from '../../components/QueryError';
import { formatDate, formatDateTime } from '../../lib/time';
import { useMe, useViewerTimeZone } from '../auth/use-auth';
import { useProfile } from '../profiles/use-profile';
import { SessionsSection } from '../sessions/SessionsSection';
import { MentorshipGoals } from './MentorshipGoals';

type Mentorship = Schemas['MentorshipDetailView'];

function mentorshipKey(id: string) {
  return ['mentorships', id] as const;
}

function Tasks({ mentorship }: { mentorship: Mentorship }) {
  const queryClient = useQueryClient();
  const [title, setTitle] = useState('');
  const [dueDate, setDueDate] = useState<string | null>(null);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['mentorships'] });
  const add = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/v1/mentorships/{id}/tasks', {
          params: { path: { id: mentorship.id } },
          body: { title, dueDate: dueDate ?? undefined },
        }),
      ),
    onSuccess: () => {
      setTitle('');
      setDueDate(null);
      refresh();
    },
  });
  const toggle = useMutation({
    mutationFn: ({ taskId, done }: { taskId: string; done: boolean }) =>
      unwrap(
        api.PATCH('/v1/mentorships/{id}/tasks/{taskId}', {
          params: { path: { id: mentorship.id, taskId } },
          body: { done },
        }),
      ),
    onSuccess: refresh,
    onError: (error) => notifications.show({ color: 'red', title: 'Not saved', message: error.message }),
  });
  const errors = formErrors(add.error, ['title', 'dueDate']);
  const active = mentorship.status === 'active';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate();
  };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="tasks-heading">
      <Title order={2} size="h4" id="tasks-heading" mb="sm">
        Tasks
      </Title>
      {mentorship.tasks.length === 0 ? (
        <Text c="dimmed" mb="sm">
          No tasks yet. {active && 'Agree on a first step and add it below.'}
        </Text>
      ) : (
        <Stack component="ul" gap="xs" p={0} m={0} mb="md" style={{ listStyle: 'none' }}>
          {mentorship.tasks.map((task) => (
            <li key={task.id}>
              <Checkbox
                label={task.title}
                description={task.dueDate ? `Due ${formatDate(task.dueDate)}` : undefined}
                checked={task.done}
                disabled={!active}
                // A finished mentorship's tasks cannot change but stay a record worth reading: full-contrast text.
                styles={active ? undefined : { label: { color: 'var(--mantine-color-text)' } }}
                onChange={(e) => toggle.mutate({ taskId: task.id, done: e.currentTarget.checked })}
              />
            </li>
          ))}
        </Stack>
      )}
      {active && (
        <form onSubmit={submit} noValidate>
          <Group align="flex-start" wrap="wrap">
            <TextInput
              label="Task"
              value={title}
              onChange={(e) => setTitle(e.currentTarget.value)}
              error={errors.field('title')}
              style={{ flex: '2 1 200px' }}
            />
            <DateInput
              label="Due date"
              placeholder="YYYY-MM-DD"
              valueFormat="YYYY-MM-DD"
              value={dueDate}
              onChange={setDueDate}
              clearable
              error={errors.field('dueDate')}
              style={{ flex: '1 1 140px' }}
            />
          </Group>
          <FormAlert messages={errors.general} />
          <Button type="submit" mt="sm" loading={add.isPending}>
            Add task
          </Button>
        </form>
      )}
    </Paper>
  );
}

function Feedback({ mentorship }: { mentorship: Mentorship }) {
  const given = mentorship.myFeedback;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="feedback-heading">
      <Title order={2} size="h4" id="feedback-heading" mb="sm">
        Feedback
      </Title>
      {given ? (
        <Stack gap={4}>
          <Text>
            You rated this mentorship {given.rating} out of 5 on {formatDate(given.createdAt)}.
          </Text>
          {given.comment && <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>“{given.comment}”</Text>}
        </Stack>
      ) : (
        <FeedbackForm mentorship={mentorship} />
      )}
    </Paper>
  );
}

function FeedbackForm({ mentorship }: { mentorship: Mentorship }) {
  const [rating, setRating] = useState<string>('');
  const [comment, setComment] = useState('');
  const send = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/v1/mentorships/{id}/feedback', {
          params: { path: { id: mentorship.id } },
          body: { rating: Number(rating), comment: comment.trim() || undefined },
        }),
      ),
  });
  const alreadySent = send.error instanceof ApiError && send.error.status === 409;
  const errors = formErrors(alreadySent ? null : send.error, ['rating', 'comment']);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    send.mutate();
  };
  return (
    <>
      {send.isSuccess || alreadySent ? (
        <Text role="status">
          {alreadySent ? 'You have already sent feedback for this mentorship.' : 'Thank you: your feedback was sent.'}
        </Text>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            <Text size="sm" c="dimmed">
              How did it go? Your rating helps others choose (1 is poor, 5 is excellent).
            </Text>
            <Radio.Group label="Rating" value={rating} onChange={setRating} error={errors.field('rating')}>
              <Group mt="xs">
                {['1', '2', '3', '4', '5'].map((value) => (
                  <Radio key={value} value={value} label={value} />
                ))}
              </Group>
            </Radio.Group>
            <Textarea
              label="Comment"
              autosize
              minRows={2}
              value={comment}
              onChange={(e) => setComment(e.currentTarget.value)}
              error={errors.field('comment')}
            />
            <FormAlert messages={errors.general} />
            <div>
              <Button type="submit" loading={send.isPending}>
                Send feedback
              </Button>
            </div>
          </Stack>
        </form>
      )}
    </>
  );
}

function CompleteButton({ mentorship }: { mentorship: Mentorship }) {
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const complete = useMutation({
    mutationFn: () => unwrap(api.POST('/v1/mentorships/{id}/complete', { params: { path: { id: mentorship.id } } })),
    onSuccess: (done) => {
      // Just completed: no one has given feedback yet.
      queryClient.setQueryData<Mentorship>(mentorshipKey(mentorship.id), { ...done, myFeedback: null });
      void queryClient.invalidateQueries({ queryKey: ['mentorships'] });
      setConfirming(false);
    },
  });
  const errors = formErrors(complete.error, []);
  return (
    <>
      <div>
        <Button variant="default" onClick={() => setConfirming(true)}>
          Complete mentorship
        </Button>
      </div>
      <Modal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title="Complete this mentorship?"
        closeButtonProps={{ 'aria-label': 'Close' }}
      >
        <Stack>
          <Text>It ends for both of you; tasks can no longer change. You can then leave feedback.</Text>
          <FormAlert messages={errors.general} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              Not yet
            </Button>
            <Button onClick={() => complete.mutate()} loading={complete.isPending}>
              Complete
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

export function MentorshipPage() {
  const { id = '' } = useParams();
  const me = useMe();
  const zone = useViewerTimeZone();
  const mentorship = useQuery({
    queryKey: mentorshipKey(id),
    queryFn: () => unwrap(api.GET('/v1/mentorships/{id}', { params: { path: { id } } })),
  });
  const otherId =
    mentorship.data && me.data
      ? mentorship.data.mentorId === me.data.id
        ? mentorship.data.learnerId
        : mentorship.data.mentorId
      : undefined;
  const other = useProfile(otherId);
  if (mentorship.isError) {
    return (
      <>
        <PageHeading>Mentorship not found</PageHeading>
        <QueryError error={mentorship.error} />
      </>
    );
  }
  if (mentorship.isPending || me.isPending || other.isPending) return <Loading />;
  const m = mentorship.data;
  const name = other.data?.displayName ?? 'a former member';
  const iAmMentor = m.mentorId === me.data?.id;
  return (
    <>
      <PageHeading>{`Mentorship with ${name}`}</PageHeading>
      <Stack maw={720}>
        <Group gap="sm" wrap="wrap">
          <Badge color={m.status === 'active' ? 'teal' : 'gray'} variant="light">
            {m.status}
          </Badge>
          <Text size="sm" c="dimmed">
            {iAmMentor ? 'You are the mentor' : 'You are the learner'} · started {formatDateTime(m.startedAt, zone)}
            {m.endedAt && ` · ended ${formatDateTime(m.endedAt, zone)}`}
          </Text>
        </Group>
        {other.data?.contactUrl ? (
          <Text>
            <Anchor href={other.data.contactUrl} target="_blank" rel="noopener noreferrer">
              Contact {name}
            </Anchor>{' '}
            <Text span c="dimmed" size="sm">
              ({other.data.contactUrl})
            </Text>
          </Text>
        ) : (
          <Text c="dimmed">{name} has not shared a contact link yet.</Text>
        )}
        <MentorshipGoals mentorship={m} iAmMentor={iAmMentor} />
        <Tasks mentorship={m} />
        <SessionsSection mentorship={m} myId={me.data?.id ?? ''} otherName={name} />
        {m.status === 'active' ? <CompleteButton mentorship={m} /> : <Feedback mentorship={m} />}
      </Stack>
    </>
  );
}
