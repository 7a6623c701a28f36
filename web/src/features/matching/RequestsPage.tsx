import { Badge, Button, Group, Modal, NativeSelect, Paper, Stack, Tabs, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api, type Schemas } from '../../api/client';
import { unwrap } from '../../api/problem';
import { EmptyState } from '../../components/EmptyState';
import { FormAlert } from '../../components/FormAlert';
import { formErrors } from '../../components/form-errors';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { QueryError } from '../../components/QueryError';
import { formatDateTime } from '../../lib/time';
import { useHasRole, useMe, useViewerTimeZone } from '../auth/use-auth';
import { PersonName } from '../profiles/PersonName';

type Request = Schemas['MentorshipRequestView'];
type Side = 'learner' | 'mentor';

const STATUS_COLOR: Record<Request['status'], string> = {
  pending: 'blue',
  accepted: 'teal',
  declined: 'red',
  cancelled: 'gray',
  expired: 'gray',
  withdrawn: 'gray',
};

const DECLINE_REASONS = [
  { value: 'no_capacity', label: 'I have no capacity right now' },
  { value: 'skills_mismatch', label: 'My skills do not fit these goals' },
  { value: 'schedule_mismatch', label: 'Our schedules do not fit' },
  { value: 'other', label: 'Another reason' },
];

function invalidate(queryClient: ReturnType<typeof useQueryClient>) {
  void queryClient.invalidateQueries({ queryKey: ['mentorship-requests'] });
  void queryClient.invalidateQueries({ queryKey: ['mentorships'] });
}

function DeclineDialog({ request, onClose }: { request: Request | null; onClose: () => void }) {
  const queryClient = useQueryClient();
  const [reason, setReason] = useState<'no_capacity' | 'skills_mismatch' | 'schedule_mismatch' | 'other'>(
    'no_capacity',
  );
  const [note, setNote] = useState('');
  const decline = useMutation({
    mutationFn: (id: string) =>
      unwrap(
        api.POST('/v1/mentorship-requests/{id}/decline', {
          params: { path: { id } },
          body: { reason, note: note.trim() || undefined },
        }),
      ),
    onSuccess: () => {
      invalidate(queryClient);
      notifications.show({ color: 'teal', message: 'Request declined' });
      setNote('');
      onClose();
    },
  });
  const errors = formErrors(decline.error, ['reason', 'note']);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (request) decline.mutate(request.id);
  };
  return (
    <Modal
      opened={request !== null}
      onClose={onClose}
      title="Decline request"
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <NativeSelect
            label="Reason"
            data={DECLINE_REASONS}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value as typeof reason)}
            error={errors.field('reason')}
          />
          <Textarea
            label="Note"
            description="Optional, for the learner"
            autosize
            minRows={2}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            error={errors.field('note')}
          />
          <FormAlert messages={errors.general} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Keep it
            </Button>
            <Button type="submit" color="red" loading={decline.isPending}>
              Decline request
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function RequestCard({ request, side, onDecline }: { request: Request; side: Side; onDecline: () => void }) {
  const queryClient = useQueryClient();
  const zone = useViewerTimeZone();
  const other = side === 'learner' ? request.mentorId : request.learnerId;
  const act = useMutation({
    mutationFn: async (action: 'accept' | 'cancel'): Promise<void> => {
      const path = { params: { path: { id: request.id } } };
      if (action === 'accept') await unwrap(api.POST('/v1/mentorship-requests/{id}/accept', path));
      else await unwrap(api.POST('/v1/mentorship-requests/{id}/cancel', path));
    },
    onSuccess: (_, action) => {
      invalidate(queryClient);
      notifications.show({ color: 'teal', message: action === 'accept' ? 'Request accepted' : 'Request cancelled' });
    },
    onError: (error) => notifications.show({ color: 'red', title: 'Not done', message: error.message }),
  });
  return (
    <Paper component="li" withBorder p="md">
      <Stack gap={6}>
        <Group justify="space-between" wrap="wrap">
          <Text fw={600}>
            {side === 'learner' ? 'To ' : 'From '}
            <PersonName id={other} />
          </Text>
          <Badge color={STATUS_COLOR[request.status]}>{request.status}</Badge>
        </Group>
        <Text style={{ whiteSpace: 'pre-wrap' }}>{request.message}</Text>
        <Text size="sm" c="dimmed">
          Sent {formatDateTime(request.createdAt, zone)}
          {request.status === 'pending' && ` · expires ${formatDateTime(request.expiresAt, zone)}`}
          {request.declineReason && ` · reason: ${request.declineReason.replace('_', ' ')}`}
        </Text>
        {request.status === 'pending' && (
          <Group gap="xs">
            {side === 'mentor' ? (
              <>
                <Button size="xs" onClick={() => act.mutate('accept')} loading={act.isPending}>
                  Accept
                </Button>
                <Button size="xs" variant="default" onClick={onDecline}>
                  Decline
                </Button>
              </>
            ) : (
              <Button size="xs" variant="default" onClick={() => act.mutate('cancel')} loading={act.isPending}>
                Cancel request
              </Button>
            )}
          </Group>
        )}
        {request.status === 'accepted' && (
          <Text size="sm">
            <Link to="/mentorships">Find it in your mentorship list</Link>
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

function RequestList({ side, enabled, onDecline }: { side: Side; enabled: boolean; onDecline: (r: Request) => void }) {
  const requests = useQuery({
    queryKey: ['mentorship-requests', side],
    queryFn: () => unwrap(api.GET('/v1/mentorship-requests', { params: { query: { as: side } } })),
    enabled,
  });
  if (!enabled) {
    return (
      <EmptyState title={side === 'learner' ? 'Only learners send requests' : 'Only mentors receive requests'}>
        {side === 'learner'
          ? 'Your account is not a learner account.'
          : 'Your account is not a mentor account, so nobody can send you requests.'}
      </EmptyState>
    );
  }
  if (requests.isPending) return <Loading />;
  if (requests.isError) return <QueryError error={requests.error} />;
  if (requests.data.items.length === 0) {
    return side === 'learner' ? (
      <EmptyState title="You have not sent any requests">
        Pick someone from <Link to="/suggestions">your suggestions</Link> or <Link to="/mentors">a search</Link>, then
        press “Request mentorship”.
      </EmptyState>
    ) : (
      <EmptyState title="No requests received">
        Learners find you when you accept mentees and have open slots: see{' '}
        <Link to="/settings/mentoring">Mentoring</Link> in your settings.
      </EmptyState>
    );
  }
  return (
    <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
      {requests.data.items.map((request) => (
        <RequestCard key={request.id} request={request} side={side} onDecline={() => onDecline(request)} />
      ))}
    </Stack>
  );
}

export function RequestsPage() {
  const isLearner = useHasRole('learner');
  const isMentor = useHasRole('mentor');
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? (isMentor && !isLearner ? 'received' : 'sent');
  const [declining, setDeclining] = useState<Request | null>(null);
  const me = useMe();
  if (me.isPending) {
    return (
      <>
        <PageHeading>Requests</PageHeading>
        <Loading />
      </>
    );
  }
  return (
    <>
      <PageHeading>Requests</PageHeading>
      <Tabs value={tab} onChange={(value) => setParams({ tab: value ?? 'sent' }, { replace: true })}>
        <Tabs.List mb="md">
          <Tabs.Tab value="sent">Sent</Tabs.Tab>
          <Tabs.Tab value="received">Received</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="sent">
          <RequestList side="learner" enabled={isLearner} onDecline={setDeclining} />
        </Tabs.Panel>
        <Tabs.Panel value="received">
          <RequestList side="mentor" enabled={isMentor} onDecline={setDeclining} />
        </Tabs.Panel>
      </Tabs>
      <DeclineDialog request={declining} onClose={() => setDeclining(null)} />
    </>
  );
}
