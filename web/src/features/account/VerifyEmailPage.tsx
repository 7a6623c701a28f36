import { Alert, Anchor, Button, Stack, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Link, useSearchParams } from 'react-router';
import { authClient } from '../../api/client';
import { unwrap } from '../../api/problem';
import { FormAlert } from '../../components/FormAlert';
import { formErrors } from '../../components/form-errors';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { meKey, useSessionStatus } from '../auth/use-auth';
import { badTokenMessage, linkToken } from './link-token';
import { accountKey, useAccount, useSendVerificationLink } from './use-account';

/** For the signed-in: a new link to the address on file; for the rest, the way to sign in first. */
function NewLink() {
  const status = useSessionStatus();
  const send = useSendVerificationLink();
  const errors = formErrors(send.error, []);
  if (status !== 'signed-in') {
    return (
      <Text size="sm">
        <Anchor component={Link} to={`/login?next=${encodeURIComponent('/settings/account')}`}>
          Sign in
        </Anchor>{' '}
        to have a new link sent to you.
      </Text>
    );
  }
  if (send.isSuccess) {
    return (
      <Text size="sm" role="status">
        A new link is on its way to your inbox.
      </Text>
    );
  }
  return (
    <Stack gap="xs" align="flex-start">
      <FormAlert messages={errors.general} title="No link sent" />
      <Button variant="default" onClick={() => send.mutate()} loading={send.isPending}>
        Send a new link
      </Button>
    </Stack>
  );
}

/**
 * A link that did not verify. A signed-in person whose address is verified by now (the link was already used, or
 * a newer one was) is told so; anyone else gets the API's reason and the way to a new link.
 */
function NotVerified({ reason }: { reason: string }) {
  const status = useSessionStatus();
  const account = useAccount(status === 'signed-in');
  if (status === 'unknown' || (status === 'signed-in' && account.isPending)) return <Loading />;
  if (status === 'signed-in' && account.data?.emailVerified) {
    return (
      <Alert color="teal" title="Your e-mail address is already verified" role="status">
        <Text size="sm" mb="xs">
          This link no longer works, and there is nothing left to do: <strong>{account.data.email}</strong> is confirmed
          as yours.
        </Text>
        <Anchor component={Link} to="/settings/account" size="sm">
          Back to your account
        </Anchor>
      </Alert>
    );
  }
  return (
    <Alert color="red" title="Not verified" role="alert">
      <Text size="sm" mb="xs">
        {reason}
      </Text>
      <NewLink />
    </Alert>
  );
}

/** Confirms the address with the token of a mailed verification link (single-use: one request per token). */
export function VerifyEmailPage() {
  const [params] = useSearchParams();
  const token = linkToken(params);
  const status = useSessionStatus();
  const queryClient = useQueryClient();
  const confirm = useQuery({
    queryKey: ['email-verification', token],
    queryFn: () => unwrap(authClient.POST('/v1/auth/email-verification/confirm', { body: { token: token ?? '' } })),
    enabled: token !== null,
    retry: false,
    staleTime: Infinity,
    gcTime: Infinity,
  });
  const verified = confirm.isSuccess;
  useEffect(() => {
    if (!verified) return;
    void queryClient.invalidateQueries({ queryKey: accountKey });
    void queryClient.invalidateQueries({ queryKey: meKey });
  }, [verified, queryClient]);
  return (
    <Stack maw={520}>
      <PageHeading>Verify your e-mail</PageHeading>
      {token === null ? (
        <NotVerified reason="The link you followed has no token in it. Copy the whole link from the mail." />
      ) : confirm.isPending ? (
        <Loading label="Checking your link…" />
      ) : confirm.isError ? (
        <NotVerified reason={badTokenMessage(confirm.error)} />
      ) : (
        <Alert color="teal" title="Your e-mail address is verified" role="status">
          <Text size="sm" mb="xs">
            Thank you: <strong>{confirm.data.email}</strong> is confirmed as yours.
          </Text>
          {status === 'signed-in' ? (
            <Anchor component={Link} to="/settings/account" size="sm">
              Back to your account
            </Anchor>
          ) : (
            <Anchor component={Link} to="/login" size="sm">
              Sign in
            </Anchor>
          )}
        </Alert>
      )}
    </Stack>
  );
}
