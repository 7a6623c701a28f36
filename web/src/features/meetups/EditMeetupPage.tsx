import { Anchor } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { api } from '../../api/client';
import { unwrap } from '../../api/problem';
import { EmptyState } from '../../components/EmptyState';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { QueryError } from '../../components/QueryError';
import { useMe } from '../auth/use-auth';
import { MeetupForm, type MeetupBody } from './MeetupForm';
import { meetupKey, useMeetup } from './use-meetups';

export function EditMeetupPage() {
  const { id = '' } = useParams();
  const me = useMe();
  const meetup = useMeetup(id);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (body: MeetupBody) => unwrap(api.PATCH('/v1/meetups/{id}', { params: { path: { id } }, body })),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['meetups'] });
      void queryClient.invalidateQueries({ queryKey: meetupKey(id) });
      notifications.show({ color: 'teal', message: 'Changes saved' });
      void navigate(`/meetups/${id}`);
    },
  });
  const back = (
    <Anchor component={Link} to={`/meetups/${id}`}>
      Back to the meetup
    </Anchor>
  );
  return (
    <>
      <PageHeading>Edit meetup</PageHeading>
      {meetup.isPending || me.isPending ? (
        <Loading />
      ) : meetup.isError ? (
        <QueryError error={meetup.error} />
      ) : me.isError ? (
        <QueryError error={me.error} />
      ) : meetup.data.organizerId !== me.data.id ? (
        <EmptyState title="Only its organizer edits this meetup">{back}</EmptyState>
      ) : meetup.data.status === 'cancelled' ? (
        <EmptyState title="This meetup was cancelled">A cancelled meetup no longer changes. {back}</EmptyState>
      ) : (
        <MeetupForm
          meetup={meetup.data}
          defaultTimeZone={meetup.data.timezone}
          submitLabel="Save changes"
          pending={save.isPending}
          error={save.error}
          onSubmit={(body) => save.mutate(body)}
        />
      )}
    </>
  );
}
