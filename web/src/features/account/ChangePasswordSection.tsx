import { Button, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import { unwrap } from '../../api/problem';
import { FormAlert } from '../../components/FormAlert';
import { formErrors } from '../../components/form-errors';

/** Changes the password with the current one; every other session of the account ends, this one stays. */
export function ChangePasswordSection() {
  const headingId = useId();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const change = useMutation({
    mutationFn: () => unwrap(api.POST('/v1/me/password', { body: { currentPassword, newPassword } })),
    onSuccess: () => {
      setCurrentPassword('');
      setNewPassword('');
      notifications.show({
        color: 'teal',
        title: 'Password changed',
        message: 'You stay signed in here; every other session of your account has ended.',
      });
    },
  });
  // The API's password policy (too common, only spaces) names the field `password` whichever body field the new
  // password came in: here that can only be the new one.
  const errors = formErrors(change.error, ['currentPassword', 'newPassword']);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    change.mutate();
  };
  return (
    <section aria-labelledby={headingId}>
      <Title order={2} size="h3" id={headingId} mb="xs">
        Password
      </Title>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm" c="dimmed">
            Changing it signs out every other browser and device.
          </Text>
          <PasswordInput
            label="Current password"
            autoComplete="current-password"
            required
            value={currentPassword}
            onChange={(e) => setCurrentPassword(e.currentTarget.value)}
            error={errors.field('currentPassword')}
          />
          <PasswordInput
            label="New password"
            description="10 to 128 characters"
            autoComplete="new-password"
            required
            value={newPassword}
            onChange={(e) => setNewPassword(e.currentTarget.value)}
            error={errors.field('newPassword')}
          />
          <FormAlert messages={errors.general} title="Password not changed" />
          <div>
            <Button type="submit" loading={change.isPending}>
              Change password
            </Button>
          </div>
        </Stack>
      </form>
    </section>
  );
}
