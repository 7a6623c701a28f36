import { Alert, Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { authClient } from '../../api/client';
import { unwrap } from '../../api/problem';
import { FormAlert } from '../../components/FormAlert';
import { formErrors } from '../../components/form-errors';
import { PageHeading } from '../../components/PageHeading';

/**
 * Asks for a reset link. The answer is the same whether or not the address has an account, so the page says
 * only where a link would go.
 */
export function ForgotPasswordPage() {
  const [email, setEmail] = useState('');
  const request = useMutation({
    mutationFn: (address: string) =>
      unwrap(authClient.POST('/v1/auth/password-reset', { body: { email: address } })).then(() => address),
  });
  const errors = formErrors(request.error, ['email']);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    request.mutate(email.trim());
  };
  return (
    <Stack maw={420}>
      <PageHeading>Reset your password</PageHeading>
      {request.isSuccess ? (
        <Alert color="teal" title="Check your inbox" role="status">
          <Text size="sm">
            If an account uses <strong>{request.data}</strong>, we have sent it a link to choose a new password. The
            link works once, for one hour. Nothing there? Look in your spam folder, or ask again in a few minutes.
          </Text>
        </Alert>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            <Text size="sm">
              Enter the e-mail address you signed up with; we will mail you a link to choose a new one.
            </Text>
            <TextInput
              label="Email"
              type="email"
              autoComplete="email"
              required
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              error={errors.field('email')}
            />
            <FormAlert messages={errors.general} title="No link sent" />
            <div>
              <Button type="submit" loading={request.isPending}>
                Send reset link
              </Button>
            </div>
          </Stack>
        </form>
      )}
      <Text size="sm">
        Remembered it?{' '}
        <Anchor component={Link} to="/login">
          Back to sign in
        </Anchor>
      </Text>
    </Stack>
  );
}
