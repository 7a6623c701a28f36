import { Anchor, Button, Checkbox, Group, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { authClient, session } from '../../api/client';
import { unwrap } from '../../api/problem';
import { FormAlert } from '../../components/FormAlert';
import { formErrors } from '../../components/form-errors';
import { PageHeading } from '../../components/PageHeading';

type SelfRole = 'learner' | 'mentor' | 'organizer';
const FIELDS = ['email', 'password', 'displayName', 'roles'] as const;

export function RegisterPage() {
  const navigate = useNavigate();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [roles, setRoles] = useState<SelfRole[]>(['learner']);
  const register = useMutation({
    mutationFn: () =>
      unwrap(authClient.POST('/v1/auth/register', { body: { email, password, displayName, roles, cookie: true } })),
    onSuccess: (result) => {
      session.signIn(result.accessToken);
      void navigate('/');
    },
  });
  const errors = formErrors(register.error, FIELDS);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    register.mutate();
  };
  return (
    <Stack maw={480}>
      <PageHeading>Create account</PageHeading>
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput
            label="Email"
            type="email"
            autoComplete="email"
            required
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            error={errors.field('email')}
          />
          <PasswordInput
            label="Password"
            description="10 to 128 characters"
            autoComplete="new-password"
            required
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={errors.field('password')}
          />
          <TextInput
            label="Display name"
            autoComplete="nickname"
            required
            value={displayName}
            onChange={(e) => setDisplayName(e.currentTarget.value)}
            error={errors.field('displayName')}
          />
          <Checkbox.Group label="I am here as" value={roles} onChange={setRoles} error={errors.field('roles')}>
            <Group mt="xs">
              <Checkbox value="learner" label="Learner" />
              <Checkbox value="mentor" label="Mentor" />
              <Checkbox value="organizer" label="Organizer" />
            </Group>
          </Checkbox.Group>
          <FormAlert messages={errors.general} title="No account created" />
          <Button type="submit" loading={register.isPending}>
            Create account
          </Button>
          <Text size="sm">
            Already a member?{' '}
            <Anchor component={Link} to="/login">
              Sign in instead
            </Anchor>
          </Text>
        </Stack>
      </form>
    </Stack>
  );
}
