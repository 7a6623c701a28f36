import { Paper, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api, type Schemas } from '../../api/client';
import { unwrap } from '../../api/problem';
import { Loading } from '../../components/Loading';
import { QueryError } from '../../components/QueryError';
import { useSkillNames } from '../profiles/use-skills';
import { GoalList } from './LearnerSummary';

type Goal = Schemas['RequestLearnerGoal'];

/**
 * The goals the request that started this mentorship named. The mentor reads them from the request (the
 * learner shared them by sending it); the learner from their own goals.
 */
function useMentorshipGoals(requestId: string, iAmMentor: boolean) {
  const skillName = useSkillNames();
  const request = useQuery({
    queryKey: ['mentorship-requests', 'one', requestId],
    queryFn: () => unwrap(api.GET('/v1/mentorship-requests/{id}', { params: { path: { id: requestId } } })),
  });
  const own = useQuery({
    queryKey: ['goals', 'all'],
    queryFn: () => unwrap(api.GET('/v1/profiles/me/goals', { params: { query: { limit: 100 } } })),
    enabled: !iAmMentor,
  });
  if (request.isError) return { error: request.error };
  if (!request.data || (!iAmMentor && own.isPending)) return { loading: true };
  // No learner summary: a block stands between the two, and the goals are not the mentor's to see any more.
  if (iAmMentor && !request.data.learner) return { hidden: true, message: request.data.message };
  if (iAmMentor) return { goals: request.data.learner?.goals ?? [], message: request.data.message };
  if (own.isError) return { error: own.error };
  const named = new Set(request.data.goalIds);
  const goals: Goal[] = (own.data?.items ?? [])
    .filter((goal) => named.has(goal.id))
    .map((goal) => ({ ...goal, skillName: skillName(goal.skill) }));
  return { goals, message: request.data.message };
}

function GoalsFromRequest({ requestId, iAmMentor }: { requestId: string; iAmMentor: boolean }) {
  const state = useMentorshipGoals(requestId, iAmMentor);
  if (state.error) return <QueryError error={state.error} />;
  if (state.hidden) return <Text c="dimmed">The learner’s goals are not shown.</Text>;
  if (state.loading || !state.goals) return <Loading />;
  return (
    <>
      {state.goals.length ? (
        <GoalList goals={state.goals} label="Goals of this mentorship" />
      ) : (
        <Text c="dimmed" size="sm">
          The request named no goal. Agree on one together and note it as a first task.
        </Text>
      )}
      <Text size="sm" c="dimmed" mt="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        The request said: “{state.message}”
      </Text>
    </>
  );
}

export function MentorshipGoals({
  mentorship,
  iAmMentor,
}: {
  mentorship: Schemas['MentorshipView'];
  iAmMentor: boolean;
}) {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="goals-heading">
      <Title order={2} size="h4" id="goals-heading" mb="sm">
        Goals
      </Title>
      {mentorship.requestId ? (
        <GoalsFromRequest requestId={mentorship.requestId} iAmMentor={iAmMentor} />
      ) : (
        <Text c="dimmed" size="sm">
          This mentorship comes from a matching program, not a request, so it names no goals. Agree on them together and
          note them as tasks.
        </Text>
      )}
    </Paper>
  );
}
