import { Badge, Button, Group, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { api, type Schemas } from '../../api/client';
import { unwrap } from '../../api/problem';
import { FormAlert } from '../../components/FormAlert';
import { formErrors } from '../../components/form-errors';
import { accountKey, useSendVerificationLink } from './use-account';

function VerificationState({ account }: { account: Schemas['MeView'] }) {
  const send = useSendVerificationLink();
  const errors = formErrors(send.error, []);
  return (
    <Stack gap="xs">
      <Group gap="xs" wrap="wrap">
        <Text style={{ overflowWrap: 'anywhere' }}>
          Your address: <strong>{account.email}</strong>
        </Text>
        {account.emailVerified ? (
          <Badge color="teal" variant="light">
            Verified
          </Badge>
        ) : (
          <Badge color="red" variant="light">
            Not verified
          </Badge>
        )}
      </Group>
      {!account.emailVerified &&
        (send.isSuccess ? (
          <Text size="sm" role="status">
            A verification link is on its way to {account.email}.
          </Text>
        ) : (
          <Stack gap="xs" align="flex-start">
            <Text size="sm" c="dimmed">
              Follow the link we mailed you to confirm the address is yours.
            </Text>
            <FormAlert messages={errors.general} title="No link sent" />
            <Button variant="default" onClick={() => send.mutate()} loading={send.isPending}>
              Send verification link
            </Button>
          </Stack>
        ))}
    </Stack>
  );
}

/** Shows the address and whether it is verified; a new one needs the password and is unverified until confirmed. */
export function EmailSection({ account }: { account: Schemas['MeView'] }) {
  const headingId = useId();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState('');
  const [currentPassword, setCurrentPassword] = useState('');
  const change = useMutation({
    mutationFn: () => unwrap(api.PATCH('/v1/me', { body: { email: email.trim(), currentPassword } })),
    onSuccess: (user) => {
      queryClient.setQueryData(accountKey, { ...account, ...user });
      setEmail('');
      setCurrentPassword('');
      notifications.show({
        color: 'teal',
        title: 'E-mail address changed',
        message: `We have mailed a verification link to ${user.email}.`,
      });
    },
  });
  const errors = formErrors(change.error, ['email', 'currentPassword']);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    change.mutate();
  };
  return (
    <section aria-labelledby={headingId}>
      <Title order={2} size="h3" id={headingId} mb="xs">
        E-mail
      </Title>
      <Stack>
        <VerificationState key={account.email} account={account} />
        <form onSubmit={submit} noValidate>
          <Stack>
            <TextInput
              label="New e-mail"
              type="email"
              autoComplete="email"
              required
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              error={errors.field('email')}
            />
            <PasswordInput
              label="Current password"
              autoComplete="current-password"
              required
              value={currentPassword}
              onChange={(e) => setCurrentPassword(e.currentTarget.value)}
              error={errors.field('currentPassword')}
            />
            <FormAlert messages={errors.general} title="E-mail not changed" />
            <div>
              <Button type="submit" loading={change.isPending}>
                Change e-mail
              </Button>
            </div>
          </Stack>
        </form>
      </Stack>
    </section>
  );
}
