import { Button, Group, Modal, NativeSelect, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, type Schemas } from '../../api/client';
import { unwrap } from '../../api/problem';
import { FormAlert } from '../../components/FormAlert';
import { formErrors } from '../../components/form-errors';

type Request = Schemas['MentorshipRequestView'];
type Reason = Schemas['DeclineMentorshipRequestDto']['reason'];

export const DECLINE_REASONS: { value: Reason; label: string }[] = [
  { value: 'no_capacity', label: 'I have no capacity right now' },
  { value: 'skills_mismatch', label: 'My skills do not fit these goals' },
  { value: 'schedule_mismatch', label: 'Our schedules do not fit' },
  { value: 'other', label: 'Another reason' },
];

/** The form inside the dialog: mounted per opening, so nothing typed for one request leaks into the next. */
function DeclineForm({ request, onClose }: { request: Request; onClose: () => void }) {
  const queryClient = useQueryClient();
  const [reason, setReason] = useState<Reason>('no_capacity');
  const [note, setNote] = useState('');
  const decline = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/v1/mentorship-requests/{id}/decline', {
          params: { path: { id: request.id } },
          body: { reason, note: note.trim() || undefined },
        }),
      ),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['mentorship-requests'] });
      notifications.show({ color: 'teal', message: 'Request declined; the learner has been told.' });
      onClose();
    },
  });
  const errors = formErrors(decline.error, ['reason', 'note']);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    decline.mutate();
  };
  const name = request.learner?.displayName;
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text size="sm">
          {name ? `${name} will see the reason and your note.` : 'The learner will see the reason and your note.'}
        </Text>
        <NativeSelect
          label="Reason"
          data={DECLINE_REASONS}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value as Reason)}
          error={errors.field('reason')}
        />
        <Textarea
          label="Note"
          description="Optional, up to 1000 characters: a kind word or someone else to ask"
          autosize
          minRows={2}
          maxLength={1000}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          error={errors.field('note')}
        />
        <FormAlert messages={errors.general} title="Not declined" />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Keep it
          </Button>
          <Button type="submit" color="red" loading={decline.isPending}>
            Decline request
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function DeclineDialog({ request, onClose }: { request: Request | null; onClose: () => void }) {
  return (
    <Modal
      opened={request !== null}
      onClose={onClose}
      title="Decline request"
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      {request && <DeclineForm key={request.id} request={request} onClose={onClose} />}
    </Modal>
  );
}
