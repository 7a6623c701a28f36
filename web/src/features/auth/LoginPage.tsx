import { Anchor, Button, Group, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { authClient, session } from '../../api/client';
import { unwrap } from '../../api/problem';
import { FormAlert } from '../../components/FormAlert';
import { formErrors } from '../../components/form-errors';
import { PageHeading } from '../../components/PageHeading';

const FIELDS = ['email', 'password'] as const;

/** Only same-app paths are followed after sign-in (never another origin). */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function LoginPage() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const login = useMutation({
    mutationFn: () => unwrap(authClient.POST('/v1/auth/login', { body: { email, password, cookie: true } })),
    onSuccess: (result) => {
      session.signIn(result.accessToken);
      void navigate(safeNext(params.get('next')), { replace: true });
    },
  });
  const errors = formErrors(login.error, FIELDS);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    login.mutate();
  };
  return (
    <Stack maw={420}>
      <PageHeading>Sign in</PageHeading>
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput
            label="Email"
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            error={errors.field('email')}
          />
          <PasswordInput
            label="Password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={errors.field('password')}
          />
          <FormAlert messages={errors.general} title="Not signed in" />
          <Group justify="space-between">
            <Button type="submit" loading={login.isPending}>
              Sign in
            </Button>
            <Anchor component={Link} to="/forgot-password" size="sm">
              Forgot password?
            </Anchor>
          </Group>
          <Text size="sm">
            New here?{' '}
            <Anchor component={Link} to="/register">
              Create an account
            </Anchor>
          </Text>
        </Stack>
      </form>
    </Stack>
  );
}
