import { Button, Group, Modal, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { api, session } from '../../api/client';
import { unwrap } from '../../api/problem';
import { FormAlert } from '../../components/FormAlert';
import { formErrors } from '../../components/form-errors';

/**
 * Deletes the account after asking for the password. The session then ends as an 'account-deleted' sign-out,
 * which clears every cached answer and leads every tab to the public home page with a notice.
 */
export function DeleteAccountSection() {
  const headingId = useId();
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState('');
  const remove = useMutation({
    mutationFn: () => unwrap(api.DELETE('/v1/me', { body: { password } })),
    onSuccess: () => session.signOut('account-deleted'),
  });
  const errors = formErrors(remove.error, ['password']);
  const close = () => {
    if (remove.isPending) return;
    setOpen(false);
    setPassword('');
    remove.reset();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    remove.mutate();
  };
  return (
    <section aria-labelledby={headingId}>
      <Title order={2} size="h3" id={headingId} mb="xs">
        Delete account
      </Title>
      <Stack gap="xs" align="flex-start">
        <Text size="sm" c="dimmed">
          Deleting your account cannot be undone. Pending requests are cancelled, active mentorships end, your RSVPs and
          upcoming meetups you organize are cancelled; feedback you gave stays, without your name.
        </Text>
        <Button color="red.9" variant="outline" onClick={() => setOpen(true)}>
          Delete account
        </Button>
      </Stack>
      <Modal opened={open} onClose={close} title="Delete account" centered closeButtonProps={{ 'aria-label': 'Close' }}>
        <form onSubmit={submit} noValidate>
          <Stack>
            <Text size="sm">
              This removes your account and everything stored about you for good. Enter your password to confirm.
            </Text>
            <PasswordInput
              label="Password"
              autoComplete="current-password"
              required
              data-autofocus
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              error={errors.field('password')}
            />
            <FormAlert messages={errors.general} title="Account not deleted" />
            <Group justify="flex-end" wrap="wrap">
              <Button variant="default" onClick={close} disabled={remove.isPending}>
                Cancel
              </Button>
              <Button type="submit" color="red.9" loading={remove.isPending}>
                Delete my account
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </section>
  );
}
