import { Text } from '@mantine/core';
import { Link } from 'react-router';
import { EmptyState } from '../../components/EmptyState';
import { PageHeading } from '../../components/PageHeading';

/** Conversations are not served by this version of the API yet; say so and point to what works today. */
export function MessagesPage() {
  return (
    <>
      <PageHeading>Messages</PageHeading>
      <EmptyState title="Messaging is not available yet">
        <Text size="sm">
          Until it arrives, write to your mentor or learner through the contact link on{' '}
          <Link to="/mentorships">your mentorship’s page</Link>; a mentorship request carries its own message.
        </Text>
      </EmptyState>
    </>
  );
}
