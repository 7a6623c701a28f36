import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { api } from '../../api/client';
import { unwrap } from '../../api/problem';
import { EmptyState } from '../../components/EmptyState';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { QueryError } from '../../components/QueryError';
import { useMe } from '../auth/use-auth';
import { MeetupForm, type MeetupBody } from './MeetupForm';

export function NewMeetupPage() {
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const create = useMutation({
    mutationFn: (body: MeetupBody) => unwrap(api.POST('/v1/meetups', { body })),
    onSuccess: (meetup) => {
      void queryClient.invalidateQueries({ queryKey: ['meetups'] });
      notifications.show({ color: 'teal', message: 'Meetup published' });
      void navigate(`/meetups/${meetup.id}`);
    },
  });
  return (
    <>
      <PageHeading>New meetup</PageHeading>
      {me.isPending ? (
        <Loading />
      ) : me.isError ? (
        <QueryError error={me.error} />
      ) : !me.data.roles.includes('organizer') ? (
        <EmptyState title="Only organizers publish meetups">
          Your account has no organizer role. Browse the meetups others publish, or ask an admin to make you an
          organizer.
        </EmptyState>
      ) : (
        <MeetupForm
          defaultTimeZone={me.data.timezone}
          submitLabel="Publish meetup"
          pending={create.isPending}
          error={create.error}
          onSubmit={(body) => create.mutate(body)}
        />
      )}
    </>
  );
}
