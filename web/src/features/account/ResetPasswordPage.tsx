import { Alert, Anchor, Button, PasswordInput, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { authClient } from '../../api/client';
import { unwrap } from '../../api/problem';
import { FormAlert } from '../../components/FormAlert';
import { formErrors } from '../../components/form-errors';
import { PageHeading } from '../../components/PageHeading';
import { badTokenMessage, isBadToken, linkToken } from './link-token';

function AskAgain({ children }: { children: string }) {
  return (
    <Alert color="red" title="This link does not work" role="alert">
      <Text size="sm">{children}</Text>
      <Anchor component={Link} to="/forgot-password" size="sm">
        Ask for a new link
      </Anchor>
    </Alert>
  );
}

/** Sets a new password with the token of a mailed reset link; every session of the account ends. */
export function ResetPasswordPage() {
  const [params] = useSearchParams();
  const token = linkToken(params);
  const [password, setPassword] = useState('');
  const reset = useMutation({
    mutationFn: (t: string) =>
      unwrap(authClient.POST('/v1/auth/password-reset/confirm', { body: { token: t, password } })),
  });
  const badToken = isBadToken(reset.error);
  const errors = formErrors(badToken ? null : reset.error, ['password']);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (token) reset.mutate(token);
  };
  return (
    <Stack maw={420}>
      <PageHeading>Choose a new password</PageHeading>
      {token === null ? (
        <AskAgain>
          The link you followed has no token in it. Copy the whole link from the mail, or ask for a new one.
        </AskAgain>
      ) : badToken ? (
        <AskAgain>{badTokenMessage(reset.error)}</AskAgain>
      ) : reset.isSuccess ? (
        <Alert color="teal" title="Your new password is set" role="status">
          <Text size="sm">Every session of your account has ended; sign in again with the new password.</Text>
          <Anchor component={Link} to="/login" size="sm">
            Sign in
          </Anchor>
        </Alert>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            <PasswordInput
              label="New password"
              description="10 to 128 characters"
              autoComplete="new-password"
              required
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              error={errors.field('password')}
            />
            <FormAlert messages={errors.general} title="Password not changed" />
            <div>
              <Button type="submit" loading={reset.isPending}>
                Set password
              </Button>
            </div>
          </Stack>
        </form>
      )}
    </Stack>
  );
}
