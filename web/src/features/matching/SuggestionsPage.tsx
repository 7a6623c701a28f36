import { Anchor, Badge, Button, Group, List, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Fragment, useState } from 'react';
import { Link } from 'react-router';
import { api, type Schemas } from '../../api/client';
import { unwrap } from '../../api/problem';
import { EmptyState } from '../../components/EmptyState';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { QueryError } from '../../components/QueryError';
import { languageName } from '../../lib/languages';
import { formatDateTime } from '../../lib/time';
import { useViewerTimeZone } from '../auth/use-auth';
import { RequestDialog } from './RequestDialog';

type Suggestion = Schemas['MatchSuggestionItem'];
const key = ['match-suggestions'] as const;

function percent(value: number): string {
  return `${Math.round(value * 100)}%`;
}

function ratingText(rating: number | null, count: number): string {
  if (rating === null) return 'no ratings yet';
  return `${rating.toFixed(1)} of 5 (${count} ${count === 1 ? 'rating' : 'ratings'})`;
}

/** The factors the API scores by, in words and numbers. */
function FactorBreakdown({ factors }: { factors: Suggestion['factors'] }) {
  const rows: [string, string][] = [
    ['Skill coverage', `${percent(factors.skillCoverage)} of your goals`],
    ['Shared free time', `${Math.round(factors.timezoneOverlapHours * 10) / 10} hours a week`],
    ['Shared languages', factors.sharedLanguages.map(languageName).join(', ') || 'none'],
    ['Open slots', String(factors.openSlots)],
    ['Responsiveness', percent(factors.responsiveness)],
    ['Rating', ratingText(factors.rating, factors.ratingCount)],
  ];
  return (
    <dl style={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: '2px 12px', margin: 0, fontSize: 14 }}>
      {rows.map(([term, value]) => (
        <Fragment key={term}>
          <dt style={{ color: 'var(--mantine-color-gray-7)' }}>{term}</dt>
          <dd style={{ margin: 0 }}>
            {term === 'Skill coverage' ? (
              <Group gap="xs" wrap="nowrap">
                <Progress value={factors.skillCoverage * 100} w={80} aria-hidden />
                <span>{value}</span>
              </Group>
            ) : (
              value
            )}
          </dd>
        </Fragment>
      ))}
    </dl>
  );
}

function SuggestionCard({ item, onRequest }: { item: Suggestion; onRequest: () => void }) {
  return (
    <Paper component="li" withBorder p="md">
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap">
          <Group gap="sm">
            <Badge variant="light" size="lg">
              #{item.rank}
            </Badge>
            <Title order={2} size="h4">
              <Anchor component={Link} to={`/people/${item.mentor.id}`} inherit>
                {item.mentor.displayName}
              </Anchor>
            </Title>
          </Group>
          <Text fw={700} size="lg">
            {percent(item.score)} match
          </Text>
        </Group>
        {item.mentor.headline && <Text c="dimmed">{item.mentor.headline}</Text>}
        <Title order={3} size="h6">
          Why
        </Title>
        <List size="sm" spacing={2}>
          {item.reasons.map((reason) => (
            <List.Item key={reason}>{reason}</List.Item>
          ))}
        </List>
        <FactorBreakdown factors={item.factors} />
        <div>
          <Button size="sm" onClick={onRequest}>
            Request mentorship
          </Button>
        </div>
      </Stack>
    </Paper>
  );
}

const PAGE = 10;

export function SuggestionsPage() {
  const queryClient = useQueryClient();
  const zone = useViewerTimeZone();
  const [mentor, setMentor] = useState<{ id: string; displayName: string } | null>(null);
  // A refresh can rank up to 50 mentors; rendering ten at a time keeps the page quick on a phone.
  const [shown, setShown] = useState(PAGE);
  const suggestions = useQuery({
    queryKey: key,
    queryFn: () => unwrap(api.GET('/v1/match-suggestions')),
    // Scoring runs on a worker: poll while it is pending, stop once it is ready.
    refetchInterval: (query) => (query.state.data?.status === 'pending' ? 1500 : false),
  });
  const refresh = useMutation({
    mutationFn: () => unwrap(api.POST('/v1/match-suggestions/refresh')),
    onSuccess: () =>
      queryClient.setQueryData(key, (old: Schemas['MatchSuggestionsView'] | undefined) =>
        old ? { ...old, status: 'pending' as const } : { status: 'pending' as const, computedAt: null, items: [] },
      ),
  });
  const data = suggestions.data;
  const pending = refresh.isPending || data?.status === 'pending';
  return (
    <>
      <PageHeading>Suggested mentors</PageHeading>
      <Stack>
        <Group justify="space-between" wrap="wrap">
          <Text c="dimmed" size="sm" aria-live="polite">
            {pending
              ? 'Working out your suggestions… this page updates by itself.'
              : data?.computedAt
                ? `Computed ${formatDateTime(data.computedAt, zone)}`
                : ''}
          </Text>
          <Button onClick={() => refresh.mutate()} loading={pending} loaderProps={{ type: 'dots' }}>
            Refresh suggestions
          </Button>
        </Group>
        {refresh.isError && <QueryError error={refresh.error} />}
        {suggestions.isPending ? (
          <Loading />
        ) : suggestions.isError ? (
          <QueryError error={suggestions.error} />
        ) : data && data.items.length > 0 ? (
          <>
            <Stack component="ol" gap="md" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Suggestions">
              {data.items.slice(0, shown).map((item) => (
                <SuggestionCard key={item.mentor.id} item={item} onRequest={() => setMentor(item.mentor)} />
              ))}
            </Stack>
            {data.items.length > shown && (
              <Button variant="default" onClick={() => setShown((n) => n + PAGE)} style={{ alignSelf: 'center' }}>
                Show more suggestions ({data.items.length - shown} more)
              </Button>
            )}
          </>
        ) : data?.status === 'pending' ? null : (
          <EmptyState title={data?.status === 'none' ? 'No suggestions yet' : 'No mentor matches your goals yet'}>
            <Text size="sm">
              Suggestions come from your{' '}
              <Anchor component={Link} to="/settings/goals">
                goals
              </Anchor>
              ,{' '}
              <Anchor component={Link} to="/settings/skills">
                skills
              </Anchor>{' '}
              and{' '}
              <Anchor component={Link} to="/settings/profile">
                availability
              </Anchor>
              . Add them, then press “Refresh suggestions”.
            </Text>
          </EmptyState>
        )}
      </Stack>
      <RequestDialog mentor={mentor} onClose={() => setMentor(null)} />
    </>
  );
}
