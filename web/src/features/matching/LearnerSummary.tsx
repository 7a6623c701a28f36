import { Anchor, Badge, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Schemas } from '../../api/client';
import { formatDate } from '../../lib/time';
import { levelLabel } from '../../lib/levels';

type Learner = Schemas['RequestLearnerView'];
type Goal = Schemas['RequestLearnerGoal'];

/** "PostgreSQL to 4 Advanced by 30 Jun 2027" */
export function goalTarget(goal: Goal): string {
  const by = goal.targetDate ? ` by ${formatDate(goal.targetDate)}` : '';
  return `${goal.skillName} to ${levelLabel(goal.targetLevel)}${by}`;
}

/** The goals a request or mentorship is about, each with its target and the learner's note. */
export function GoalList({ goals, label }: { goals: Goal[]; label: string }) {
  return (
    <Stack component="ul" gap={4} p={0} m={0} style={{ listStyle: 'none' }} aria-label={label}>
      {goals.map((goal) => (
        <li key={goal.id}>
          <Text size="sm" fw={500}>
            {goalTarget(goal)}
            {goal.status !== 'active' && (
              <Text span size="xs" c="dimmed">
                {' '}
                ({goal.status})
              </Text>
            )}
          </Text>
          {goal.note && (
            <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              “{goal.note}”
            </Text>
          )}
        </li>
      ))}
    </Stack>
  );
}

/** What a mentor reads to decide on a request: who is asking, what for, and where they stand now. */
export function LearnerSummary({
  learner,
  requestId,
  status,
}: {
  learner: Learner;
  requestId: string;
  /** Shown at the end of the name line (the request's status). */
  status: ReactNode;
}) {
  const goalsLabel = `Goals named in ${learner.displayName}’s request`;
  const skillsLabel = `${learner.displayName}’s skills`;
  return (
    <Stack gap="xs">
      <div>
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
          <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
            From{' '}
            <Anchor component={Link} to={`/people/${learner.id}`}>
              {learner.displayName}
            </Anchor>
          </Text>
          {status}
        </Group>
        {learner.headline && (
          <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
            {learner.headline}
          </Text>
        )}
      </div>
      <section aria-labelledby={`goals-${requestId}`}>
        <Title order={3} size="h6" id={`goals-${requestId}`}>
          Goals
        </Title>
        {learner.goals.length ? (
          <GoalList goals={learner.goals} label={goalsLabel} />
        ) : (
          <Text size="sm" c="dimmed">
            The request names no goal; see the message.
          </Text>
        )}
      </section>
      <section aria-labelledby={`skills-${requestId}`}>
        <Title order={3} size="h6" id={`skills-${requestId}`}>
          Skills now
        </Title>
        {learner.skills.length ? (
          <Group component="ul" gap={6} p={0} m={0} style={{ listStyle: 'none' }} aria-label={skillsLabel}>
            {learner.skills.map((skill) => (
              <li key={skill.slug}>
                <Badge variant="light" color="gray" tt="none">
                  {skill.name}: {levelLabel(skill.level)}
                </Badge>
              </li>
            ))}
          </Group>
        ) : (
          <Text size="sm" c="dimmed">
            No skills listed yet.
          </Text>
        )}
      </section>
    </Stack>
  );
}
