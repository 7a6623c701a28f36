import { Button, Checkbox, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import { unwrap } from '../../api/problem';
import { FormAlert } from '../../components/FormAlert';
import { formErrors } from '../../components/form-errors';
import { levelLabel } from '../../lib/levels';
import { useSkillNames } from '../profiles/use-skills';

interface Props {
  mentor: { id: string; displayName: string } | null;
  onClose: () => void;
}

function RequestForm({ mentor, onClose }: { mentor: { id: string; displayName: string }; onClose: () => void }) {
  const queryClient = useQueryClient();
  const nameOf = useSkillNames();
  const goals = useQuery({ queryKey: ['goals'], queryFn: () => unwrap(api.GET('/v1/profiles/me/goals')) });
  const active = (goals.data?.items ?? []).filter((goal) => goal.status === 'active');
  const [message, setMessage] = useState('');
  const [goalIds, setGoalIds] = useState<string[] | null>(null);
  // Every active goal is ticked until the learner changes the selection.
  const chosen = goalIds ?? active.map((goal) => goal.id);
  const send = useMutation({
    mutationFn: () =>
      unwrap(api.POST('/v1/mentorship-requests', { body: { mentorId: mentor.id, message, goalIds: chosen } })),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['mentorship-requests'] });
      notifications.show({ color: 'teal', message: `Request sent to ${mentor.displayName}` });
      onClose();
    },
  });
  const errors = formErrors(send.error, ['message', 'goalIds', 'mentorId']);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    send.mutate();
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text size="sm">To {mentor.displayName}. Say what you hope to learn and how you like to work.</Text>
        <Textarea
          label="Message"
          autosize
          minRows={4}
          required
          value={message}
          onChange={(e) => setMessage(e.currentTarget.value)}
          error={errors.field('message')}
          data-autofocus
        />
        {active.length > 0 ? (
          <Checkbox.Group
            label="Goals this is about"
            value={chosen}
            onChange={setGoalIds}
            error={errors.field('goalIds')}
          >
            <Stack gap="xs" mt="xs">
              {active.map((goal) => (
                <Checkbox
                  key={goal.id}
                  value={goal.id}
                  label={`${nameOf(goal.skill)} → ${levelLabel(goal.targetLevel)}`}
                />
              ))}
            </Stack>
          </Checkbox.Group>
        ) : (
          <Text size="sm" c="dimmed">
            You have no active goals; add some under Settings to tell mentors what you are aiming for.
          </Text>
        )}
        <FormAlert messages={errors.general} title="Not sent" />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Not now
          </Button>
          <Button type="submit" loading={send.isPending}>
            Send request
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The dialog named "Request mentorship": a message and the learner's active goals. */
export function RequestDialog({ mentor, onClose }: Props) {
  return (
    <Modal
      opened={mentor !== null}
      onClose={onClose}
      title="Request mentorship"
      size="lg"
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      {mentor && <RequestForm mentor={mentor} onClose={onClose} />}
    </Modal>
  );
}
