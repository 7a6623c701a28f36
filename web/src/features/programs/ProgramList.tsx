import { Anchor, Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { ProgramItem } from './use-programs';

const ROLE_TEXT = {
  organizer: 'You organize it',
  learner: 'You joined as a learner',
  mentor: 'You joined as a mentor',
} as const;

const count = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/** Programs as links to their pages, with how the viewer takes part and how many have joined. */
export function ProgramList({ programs, label }: { programs: ProgramItem[]; label: string }) {
  return (
    <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-label={label}>
      {programs.map((program) => (
        <Paper component="li" withBorder p="sm" key={program.id}>
          <Group justify="space-between" wrap="wrap" gap="xs">
            <Anchor component={Link} to={`/programs/${program.id}`} fw={600} style={{ overflowWrap: 'anywhere' }}>
              {program.name}
            </Anchor>
            <Group gap="xs">
              <Badge variant="light">{program.mode === 'stable' ? 'Stable' : 'Optimal'}</Badge>
              <Badge color={program.status === 'open' ? 'teal' : 'gray'}>
                {program.status === 'open' ? 'Open' : 'Published'}
              </Badge>
            </Group>
          </Group>
          <Text size="sm" c="dimmed" mt={4}>
            {program.yourRole ? `${ROLE_TEXT[program.yourRole]} · ` : ''}
            {count(program.learners, 'learner')} · {count(program.mentors, 'mentor')}
          </Text>
          {program.description && (
            <Text size="sm" mt={4} lineClamp={2}>
              {program.description}
            </Text>
          )}
        </Paper>
      ))}
    </Stack>
  );
}
