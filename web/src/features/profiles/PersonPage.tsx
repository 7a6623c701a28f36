import { Anchor, Badge, Button, Group, Modal, NativeSelect, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { api } from '../../api/client';
import { unwrap } from '../../api/problem';
import { FormAlert } from '../../components/FormAlert';
import { formErrors } from '../../components/form-errors';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { QueryError } from '../../components/QueryError';
import { languageName } from '../../lib/languages';
import { levelLabel } from '../../lib/levels';
import { useMe } from '../auth/use-auth';
import { RequestDialog } from '../matching/RequestDialog';
import { useProfile } from './use-profile';

const REPORT_REASONS = [
  { value: 'spam', label: 'Spam or advertising' },
  { value: 'harassment', label: 'Harassment or abuse' },
  { value: 'inappropriate', label: 'Inappropriate content' },
  { value: 'impersonation', label: 'Pretending to be someone else' },
  { value: 'other', label: 'Something else' },
];

function ReportDialog({
  person,
  opened,
  onClose,
}: {
  person: { id: string; name: string };
  opened: boolean;
  onClose: () => void;
}) {
  const [reason, setReason] = useState('spam');
  const [details, setDetails] = useState('');
  const report = useMutation({
    mutationFn: () => unwrap(api.POST('/v1/reports', { body: { profileId: person.id, reason, details } })),
    onSuccess: () => {
      notifications.show({ color: 'teal', message: 'Report sent. The moderators will look at it.' });
      setDetails('');
      onClose();
    },
  });
  const errors = formErrors(report.error, ['reason', 'details']);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    report.mutate();
  };
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={`Report ${person.name}`}
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <NativeSelect
            label="Reason"
            data={REPORT_REASONS}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={errors.field('reason')}
          />
          <Textarea
            label="Details"
            description="What happened, and where"
            autosize
            minRows={3}
            value={details}
            onChange={(e) => setDetails(e.currentTarget.value)}
            error={errors.field('details')}
          />
          <FormAlert messages={errors.general} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Never mind
            </Button>
            <Button type="submit" color="red" loading={report.isPending}>
              Send report
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function BlockDialog({
  person,
  opened,
  onClose,
}: {
  person: { id: string; name: string };
  opened: boolean;
  onClose: () => void;
}) {
  const block = useMutation({
    mutationFn: () => unwrap(api.POST('/v1/blocks', { body: { profileId: person.id } })),
    onSuccess: () => {
      notifications.show({
        color: 'teal',
        message: `${person.name} is blocked. Neither of you can send requests to the other.`,
      });
      onClose();
    },
  });
  const errors = formErrors(block.error, []);
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={`Block ${person.name}?`}
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      <Stack>
        <Text>Blocked people cannot send you mentorship requests, and you cannot send them any.</Text>
        <FormAlert messages={errors.general} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Never mind
          </Button>
          <Button color="red" onClick={() => block.mutate()} loading={block.isPending}>
            Confirm
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

export function PersonPage() {
  const { id = '' } = useParams();
  const me = useMe();
  const profile = useProfile(id);
  const skills = useQuery({
    queryKey: ['profiles', id, 'skills'],
    queryFn: () => unwrap(api.GET('/v1/profiles/{id}/skills', { params: { path: { id } } })),
  });
  const [dialog, setDialog] = useState<'request' | 'block' | 'report' | null>(null);
  if (profile.isPending) return <Loading />;
  if (profile.isError) {
    return (
      <>
        <PageHeading>Person not found</PageHeading>
        <QueryError error={profile.error} />
      </>
    );
  }
  const person = profile.data;
  const isSelf = me.data?.id === person.id;
  const mentoring = person.mentoring;
  const canRequest =
    !isSelf &&
    (me.data?.roles.includes('learner') ?? false) &&
    mentoring !== null &&
    mentoring.acceptingMentees &&
    mentoring.openSlots > 0;
  const named = { id: person.id, name: person.displayName };
  return (
    <>
      <PageHeading>{person.displayName}</PageHeading>
      <Stack maw={720}>
        {person.headline && <Text size="lg">{person.headline}</Text>}
        <Group gap="xs">
          {person.roles.map((role) => (
            <Badge key={role} variant="light">
              {role}
            </Badge>
          ))}
        </Group>
        {person.bio && <Text style={{ whiteSpace: 'pre-wrap' }}>{person.bio}</Text>}
        <Paper withBorder p="md">
          <dl style={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: '6px 16px', margin: 0 }}>
            <dt>Time zone</dt>
            <dd style={{ margin: 0 }}>{person.timezone}</dd>
            <dt>Languages</dt>
            <dd style={{ margin: 0 }}>{person.languages.map(languageName).join(', ') || 'None listed'}</dd>
            {person.location && (
              <>
                <dt>Lives in</dt>
                <dd style={{ margin: 0 }}>
                  {person.location.city}, {person.location.country}
                </dd>
              </>
            )}
            {mentoring && (
              <>
                <dt>Mentoring</dt>
                <dd style={{ margin: 0 }}>
                  {mentoring.acceptingMentees && mentoring.openSlots > 0
                    ? `${mentoring.openSlots} open ${mentoring.openSlots === 1 ? 'slot' : 'slots'}`
                    : 'Not taking mentees now'}
                </dd>
              </>
            )}
            {person.contactUrl && (
              <>
                <dt>Contact</dt>
                <dd style={{ margin: 0 }}>
                  <Anchor href={person.contactUrl} target="_blank" rel="noopener noreferrer">
                    {person.contactUrl}
                  </Anchor>
                </dd>
              </>
            )}
          </dl>
        </Paper>
        <section aria-labelledby="skills-heading">
          <Title order={2} size="h4" id="skills-heading" mb="xs">
            Skills
          </Title>
          {skills.isPending ? (
            <Loading />
          ) : skills.data && skills.data.skills.length > 0 ? (
            <Group gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
              {skills.data.skills.map((skill) => (
                <li key={skill.skill}>
                  <Badge variant="outline" size="lg" tt="none">
                    {skill.name}: {levelLabel(skill.level)}
                  </Badge>
                </li>
              ))}
            </Group>
          ) : (
            <Text c="dimmed">No skills listed yet.</Text>
          )}
        </section>
        {!isSelf && (
          <Group>
            {canRequest && <Button onClick={() => setDialog('request')}>Request mentorship</Button>}
            <Button variant="default" onClick={() => setDialog('block')}>
              Block
            </Button>
            <Button variant="default" color="red" onClick={() => setDialog('report')}>
              Report
            </Button>
          </Group>
        )}
      </Stack>
      <RequestDialog
        mentor={dialog === 'request' ? { id: person.id, displayName: person.displayName } : null}
        onClose={() => setDialog(null)}
      />
      <BlockDialog person={named} opened={dialog === 'block'} onClose={() => setDialog(null)} />
      <ReportDialog person={named} opened={dialog === 'report'} onClose={() => setDialog(null)} />
    </>
  );
}
