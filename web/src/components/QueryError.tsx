import { Alert } from '@mantine/core';
import { ApiError } from '../api/problem';

/** A failed load, in words, with the API's detail when it gave one. */
export function QueryError({ error }: { error: unknown }) {
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
