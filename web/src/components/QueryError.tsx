import { Alert, Anchor } from '@mantine/core';
import { Link, useLocation } from 'react-router';
import { ApiError } from '../api/problem';

/** A failed load, in words, with the API's detail when it gave one. */
export function QueryError({ error }: { error: unknown }) {
  const location = useLocation();
  if (error instanceof ApiError && error.status === 401) {
    return (
      <Alert variant="outline" color="indigo" title="Sign in to see this" role="status">
        <Anchor component={Link} to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`}>
          Sign in or create an account
        </Anchor>{' '}
        to continue.
      </Alert>
    );
  }
  const message =
    error instanceof ApiError && error.status === 404
      ? 'This page does not exist, or you may not see it.'
      : error instanceof Error
        ? error.message
        : 'Something went wrong.';
  return (
    <Alert color="red" title="Could not load this" role="alert">
      {message}
    </Alert>
  );
}
