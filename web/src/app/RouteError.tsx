import { Alert, Anchor, Container } from '@mantine/core';
import { Link, useRouteError } from 'react-router';
import { PageHeading } from '../components/PageHeading';

/** A page that failed to load (a stale chunk after a deploy, a bug): say so and offer a way on. */
export function RouteError() {
  const error = useRouteError();
  return (
    <Container size="lg" component="main" py="xl">
      <PageHeading>Something went wrong</PageHeading>
      <Alert color="red" role="alert">
        {error instanceof Error ? error.message : 'This page could not be shown.'} Reload the page, or go{' '}
        <Anchor component={Link} to="/">
          back to the start
        </Anchor>
        .
      </Alert>
    </Container>
  );
}
