import { Badge, Group, Stack, Text } from '@mantine/core';
import { useParams } from 'react-router';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { QueryError } from '../../components/QueryError';
import { formatDateTime } from '../../lib/time';
import { useMe, useViewerTimeZone } from '../auth/use-auth';
import { MemberView } from './MemberView';
import { OrganizerView } from './OrganizerView';
import { useProgram, type Program } from './use-programs';

function ProgramSummary({ program }: { program: Program }) {
  const zone = useViewerTimeZone();
  return (
    <Stack gap={4} mb="lg">
      <Group gap="xs">
        <Badge variant="light">{program.mode === 'stable' ? 'Stable matching' : 'Optimal matching'}</Badge>
        <Badge color={program.status === 'open' ? 'teal' : 'gray'}>
          {program.status === 'open' ? 'Open' : 'Published'}
        </Badge>
      </Group>
      {program.publishedAt && (
        <Text size="sm">Published {formatDateTime(program.publishedAt, zone)}: its pairs are now mentorships.</Text>
      )}
      {program.description && <Text style={{ whiteSpace: 'pre-wrap' }}>{program.description}</Text>}
    </Stack>
  );
}

/** One program: its organizer runs and publishes matching here; learners and mentors join and rank. */
export function ProgramPage() {
  const { id = '' } = useParams();
  const me = useMe();
  const program = useProgram(id);
  if (program.isPending || me.isPending) {
    return (
      <>
        <PageHeading>Program</PageHeading>
        <Loading />
      </>
    );
  }
  if (program.isError || me.isError) {
    return (
      <>
        <PageHeading>Program</PageHeading>
        <QueryError error={program.error ?? me.error} />
      </>
    );
  }
  const organizer = program.data.organizerId === me.data.id;
  return (
    <>
      <PageHeading>{program.data.name}</PageHeading>
      <ProgramSummary program={program.data} />
      {organizer ? (
        <OrganizerView program={program.data} />
      ) : (
        <MemberView program={program.data} roles={me.data.roles} />
      )}
    </>
  );
}
