import { Alert, Anchor, Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, type Schemas } from '../../api/client';
import { ApiError, unwrap } from '../../api/problem';
import { formatDateTime } from '../../lib/time';
import { useViewerTimeZone } from '../auth/use-auth';
import { PersonName } from '../profiles/PersonName';
import { DECLINE_REASONS } from './DeclineDialog';
import { LearnerSummary } from './LearnerSummary';

type Request = Schemas['MentorshipRequestView'];
export type Side = 'learner' | 'mentor';

const STATUS_COLOR: Record<Request['status'], string> = {
  pending: 'blue',
  accepted: 'teal',
  declined: 'red',
  cancelled: 'gray',
  expired: 'gray',
  withdrawn: 'gray',
};

/** The caller's recent mentorships, to link an accepted request to the mentorship it started. */
function useMentorshipOf(request: Request) {
  const recent = useQuery({
    queryKey: ['mentorships', 'recent'],
    queryFn: () => unwrap(api.GET('/v1/mentorships', { params: { query: { limit: 100 } } })),
    enabled: request.status === 'accepted',
    staleTime: 30_000,
  });
  return recent.data?.items.find((m) => m.requestId === request.id);
}

function MentorshipLink({ request }: { request: Request }) {
  const mentorship = useMentorshipOf(request);
  return (
    <Text size="sm">
      {mentorship ? (
        <Anchor component={Link} to={`/mentorships/${mentorship.id}`}>
          Open the mentorship
        </Anchor>
      ) : (
        <Anchor component={Link} to="/mentorships">
          Find it in your mentorships
        </Anchor>
      )}
    </Text>
  );
}

/** Why an accept did not happen, with the way out when there is one. */
function AcceptProblem({ error }: { error: Error }) {
  const code = error instanceof ApiError ? error.code : undefined;
  if (code === 'MENTOR_AT_CAPACITY') {
    return (
      <Alert color="orange" role="alert" title="No open mentee slot">
        You mentor as many learners as your capacity allows.{' '}
        <Anchor component={Link} to="/settings/mentoring">
          Raise your capacity in your mentoring settings
        </Anchor>{' '}
        or complete a mentorship, then accept again.
      </Alert>
    );
  }
  return (
    <Alert color="red" role="alert" title="Not accepted">
      {error.message}
    </Alert>
  );
}

export function RequestCard({ request, side, onDecline }: { request: Request; side: Side; onDecline: () => void }) {
  const queryClient = useQueryClient();
  const zone = useViewerTimeZone();
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: ['mentorship-requests'] });
    void queryClient.invalidateQueries({ queryKey: ['mentorships'] });
    void queryClient.invalidateQueries({ queryKey: ['profiles', 'me', 'mentoring'] });
  };
  const accept = useMutation({
    mutationFn: () => unwrap(api.POST('/v1/mentorship-requests/{id}/accept', { params: { path: { id: request.id } } })),
    onSuccess: refresh,
    // The request may have changed meanwhile (expired, withdrawn): show what it is now beside the reason.
    onError: refresh,
  });
  const cancel = useMutation({
    mutationFn: () => unwrap(api.POST('/v1/mentorship-requests/{id}/cancel', { params: { path: { id: request.id } } })),
    onSuccess: () => {
      refresh();
      notifications.show({ color: 'teal', message: 'Request cancelled' });
    },
    onError: (error) => notifications.show({ color: 'red', title: 'Not cancelled', message: error.message }),
  });
  const reason = DECLINE_REASONS.find((r) => r.value === request.declineReason)?.label;
  const pending = request.status === 'pending';
  const badge = (
    <Badge color={STATUS_COLOR[request.status]} style={{ flexShrink: 0 }}>
      {request.status}
    </Badge>
  );
  return (
    <Paper component="li" withBorder p="md">
      <Stack gap="sm">
        {side === 'mentor' && request.learner ? (
          <LearnerSummary learner={request.learner} requestId={request.id} status={badge} />
        ) : (
          <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
            <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
              {side === 'learner' ? 'To ' : 'From '}
              {side === 'learner' ? (
                <PersonName id={request.mentorId} name={request.mentorName} />
              ) : (
                <PersonName id={request.learnerId} name={request.learnerName} />
              )}
            </Text>
            {badge}
          </Group>
        )}
        <div>
          {side === 'mentor' && (
            <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
              Message
            </Text>
          )}
          <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{request.message}</Text>
        </div>
        <Text size="sm" c="dimmed">
          Sent {formatDateTime(request.createdAt, zone)}
          {pending && ` · expires ${formatDateTime(request.expiresAt, zone)}`}
          {request.decidedAt && !pending && ` · ${request.status} ${formatDateTime(request.decidedAt, zone)}`}
        </Text>
        {reason && (
          <Text size="sm">
            Reason: {reason}
            {request.declineNote && (
              <Text span c="dimmed" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {' '}
                · “{request.declineNote}”
              </Text>
            )}
          </Text>
        )}
        {accept.isSuccess ? (
          <Alert color="teal" role="status" title="Request accepted">
            Your mentorship has started and the learner has been told.{' '}
            <Anchor component={Link} to={`/mentorships/${accept.data.mentorship.id}`}>
              Open the mentorship
            </Anchor>
          </Alert>
        ) : (
          request.status === 'accepted' && <MentorshipLink request={request} />
        )}
        {accept.isError && <AcceptProblem error={accept.error} />}
        {pending && !accept.isSuccess && (
          <Group gap="xs">
            {side === 'mentor' ? (
              <>
                <Button size="sm" onClick={() => accept.mutate()} loading={accept.isPending}>
                  Accept
                </Button>
                <Button size="sm" variant="default" onClick={onDecline} disabled={accept.isPending}>
                  Decline
                </Button>
              </>
            ) : (
              <Button size="sm" variant="default" onClick={() => cancel.mutate()} loading={cancel.isPending}>
                Cancel request
              </Button>
            )}
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
