import { Anchor, Badge, Button, Group, List, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { unwrap } from '../../api/problem';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { useHasRole, useMe, useSessionStatus } from './use-auth';

function SignedOutHome() {
  return (
    <Stack maw={640}>
      <Text size="lg">
        Guildhall connects people growing into backend developers with mentors who have walked the road: keep a skill
        inventory and goals, get explained mentor suggestions, and meet the community at meetups.
      </Text>
      <Group>
        <Button component={Link} to="/register">
          Create account
        </Button>
        <Button component={Link} to="/login" variant="default">
          Sign in
        </Button>
        <Anchor component={Link} to="/meetups">
          Browse meetups
        </Anchor>
      </Group>
    </Stack>
  );
}

interface Step {
  to: string;
  label: string;
  done: boolean;
}

function NextSteps() {
  const me = useMe();
  const isLearner = useHasRole('learner');
  const skills = useQuery({
    queryKey: ['profiles', 'me', 'skills'],
    queryFn: () => unwrap(api.GET('/v1/profiles/me/skills')),
  });
  const goals = useQuery({ queryKey: ['goals'], queryFn: () => unwrap(api.GET('/v1/profiles/me/goals')) });
  const suggestions = useQuery({
    queryKey: ['match-suggestions'],
    queryFn: () => unwrap(api.GET('/v1/match-suggestions')),
    enabled: isLearner,
  });
  const meetups = useQuery({
    queryKey: ['meetups', 'recommended'],
    queryFn: () => unwrap(api.GET('/v1/meetups/recommended')),
  });
  if (me.isPending || skills.isPending || goals.isPending) return <Loading />;
  const profile = me.data;
  const steps: Step[] = [
    {
      to: '/settings/profile',
      label: 'Fill in your profile',
      done: Boolean(profile && (profile.headline || profile.bio) && profile.availability.length > 0),
    },
    { to: '/settings/skills', label: 'List your skills', done: (skills.data?.skills.length ?? 0) > 0 },
    {
      to: '/settings/goals',
      label: 'Set a goal',
      done: (goals.data?.items ?? []).some((goal) => goal.status !== 'abandoned'),
    },
  ];
  if (isLearner) {
    steps.push({
      to: '/suggestions',
      label: 'See who could mentor you',
      done: suggestions.data?.status === 'ready' && suggestions.data.items.length > 0,
    });
  }
  steps.push({
    to: '/meetups',
    label: 'Join a meetup',
    done: (meetups.data?.items ?? []).some((m) => m.myRsvp?.status === 'going' || m.myRsvp?.status === 'waitlisted'),
  });
  const left = steps.filter((step) => !step.done).length;
  return (
    <Stack maw={640}>
      <Text>Welcome{profile ? `, ${profile.displayName}` : ''}.</Text>
      <Paper withBorder p="lg">
        <Title order={2} size="h3" id="next-steps" mb="sm">
          Next steps
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          {left === 0 ? 'All done. Come back for new suggestions and meetups.' : `${left} of ${steps.length} to go.`}
        </Text>
        <List aria-labelledby="next-steps" spacing="sm" listStyleType="none" p={0}>
          {steps.map((step) => (
            <List.Item
              key={step.to}
              icon={
                <ThemeIcon color={step.done ? 'teal' : 'gray'} size={22} radius="xl" aria-hidden>
                  {step.done ? '✓' : '•'}
                </ThemeIcon>
              }
            >
              <Anchor component={Link} to={step.to}>
                {step.label}
              </Anchor>{' '}
              {step.done && (
                <Badge color="teal" variant="light" ml={4}>
                  Done
                </Badge>
              )}
            </List.Item>
          ))}
        </List>
      </Paper>
    </Stack>
  );
}

export function HomePage() {
  const status = useSessionStatus();
  return (
    <>
      <PageHeading>Guildhall</PageHeading>
      {status === 'unknown' ? <Loading /> : status === 'signed-in' ? <NextSteps /> : <SignedOutHome />}
    </>
  );
}
