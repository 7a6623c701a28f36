import { Anchor, Badge, Button, Group, Paper, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { MouseEvent } from 'react';
import { FormAlert } from '../../components/FormAlert';
import { formErrors } from '../../components/form-errors';
import { formatDateTime } from '../../lib/time';
import { downloadSessionIcs } from './download-ics';
import { useCancelSession, useConfirmSession, type Session } from './use-sessions';

const STATUS_COLOR = { proposed: 'indigo', confirmed: 'teal', cancelled: 'gray' } as const;

function whoActs(session: Session, myId: string, otherName: string): string {
  if (session.status === 'confirmed') return 'Confirmed by both of you.';
  if (session.status === 'cancelled') return 'Cancelled.';
  return session.proposedBy === myId
    ? `You proposed it; waiting for ${otherName} to confirm.`
    : `${otherName} proposed it; confirm if it suits you.`;
}

export function SessionItem({
  session,
  myId,
  otherName,
  zone,
  canChange,
}: {
  session: Session;
  myId: string;
  otherName: string;
  zone: string;
  /** False once the mentorship is over: its sessions no longer change. */
  canChange: boolean;
}) {
  const confirm = useConfirmSession(session.mentorshipId);
  const cancel = useCancelSession(session.mentorshipId);
  const errors = formErrors(confirm.error ?? cancel.error, []);
  const live = session.status !== 'cancelled';
  const icsPath = `/v1/mentorships/${session.mentorshipId}/sessions/${session.id}/ics`;
  const addToCalendar = (event: MouseEvent<HTMLAnchorElement>) => {
    // The link's own request would carry no Bearer token (see downloadSessionIcs).
    event.preventDefault();
    downloadSessionIcs(
      session.mentorshipId,
      session.id,
      `guildhall-session-${session.startsAt.slice(0, 10)}.ics`,
    ).catch((error: unknown) =>
      notifications.show({
        color: 'red',
        title: 'Could not download the calendar file',
        message: error instanceof Error ? error.message : 'Try again.',
      }),
    );
  };
  return (
    <Paper component="li" withBorder p="sm">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Text fw={600} td={live ? undefined : 'line-through'}>
          {formatDateTime(session.startsAt, zone)} · {session.durationMinutes} minutes
        </Text>
        <Badge color={STATUS_COLOR[session.status]} variant="light">
          {session.status}
        </Badge>
      </Group>
      <Text size="sm" c="dimmed">
        {whoActs(session, myId, otherName)}
      </Text>
      {session.agenda && (
        <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          Agenda: {session.agenda}
        </Text>
      )}
      {session.meetingUrl && (
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          Meeting:{' '}
          <Anchor href={session.meetingUrl} target="_blank" rel="noopener noreferrer">
            {session.meetingUrl}
          </Anchor>
        </Text>
      )}
      <Group gap="sm" mt="xs" wrap="wrap">
        {canChange && session.status === 'proposed' && session.proposedBy !== myId && (
          <Button size="xs" onClick={() => confirm.mutate(session.id)} loading={confirm.isPending}>
            Confirm
          </Button>
        )}
        {canChange && live && (
          <Button size="xs" variant="default" onClick={() => cancel.mutate(session.id)} loading={cancel.isPending}>
            Cancel session
          </Button>
        )}
        <Anchor href={icsPath} onClick={addToCalendar} size="sm">
          Add to calendar
        </Anchor>
      </Group>
      <FormAlert messages={errors.general} />
    </Paper>
  );
}
