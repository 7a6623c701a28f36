import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { unwrap } from '../../api/problem';
import { FormAlert } from '../../components/FormAlert';
import { formErrors } from '../../components/form-errors';
import type { Meetup } from './use-meetups';

/** "Cancel meetup", confirmed in a dialog first: it cannot be undone and notifies everyone who answered. */
export function CancelMeetupButton({ meetup }: { meetup: Meetup }) {
  const [opened, { open, close }] = useDisclosure(false);
  const queryClient = useQueryClient();
  const cancel = useMutation({
    mutationFn: () => unwrap(api.POST('/v1/meetups/{id}/cancel', { params: { path: { id: meetup.id } } })),
    onSuccess: () => {
      close();
      void queryClient.invalidateQueries({ queryKey: ['meetups'] });
      notifications.show({ color: 'teal', message: 'Meetup cancelled; everyone who answered is told.' });
    },
  });
  const errors = formErrors(cancel.error, []);
  const people = meetup.goingCount + meetup.waitlistCount;
  return (
    <>
      <Button variant="default" onClick={open}>
        Cancel meetup
      </Button>
      <Modal opened={opened} onClose={close} title="Cancel this meetup?">
        <Stack>
          <Text>
            {people > 0
              ? `The ${people} ${people === 1 ? 'member' : 'members'} going or on the waitlist will be notified.`
              : 'Nobody has said they are going yet.'}{' '}
            A cancelled meetup cannot be scheduled again.
          </Text>
          <FormAlert messages={errors.general} title="Not cancelled" />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Keep it
            </Button>
            <Button color="red.9" onClick={() => cancel.mutate()} loading={cancel.isPending}>
              Yes, cancel it
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
