import { Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Fragment, lazy, Suspense, useDeferredValue, useState } from 'react';
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
import classes from './SuggestionCard.module.css';
import { suggestionsQuery } from './suggestions-query';

type Suggestion = Schemas['MatchSuggestionItem'];

// The dialog (Modal, Textarea, Checkbox and their dependencies) is its own chunk, fetched once the list is up:
// it is not needed to show the suggestions, only to act on one.
const RequestDialog = lazy(() => import('./RequestDialog').then((m) => ({ default: m.RequestDialog })));

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
    <dl className={classes.factors}>
      {rows.map(([term, value]) => (
        <Fragment key={term}>
          <dt>{term}</dt>
          <dd>
            {term === 'Skill coverage' ? (
              <span className={classes.coverage}>
                <span className={classes.bar} aria-hidden>
                  <span className={classes.fill} style={{ display: 'block', width: percent(factors.skillCoverage) }} />
                </span>
                <span>{value}</span>
              </span>
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
    <li className={classes.card}>
      <div className={classes.top}>
        <div className={classes.who}>
          <span className={classes.rank}>#{item.rank}</span>
          <h2 className={classes.name}>
            <Anchor component={Link} to={`/people/${item.mentor.id}`} inherit>
              {item.mentor.displayName}
            </Anchor>
          </h2>
        </div>
        <p className={classes.score}>{percent(item.score)} match</p>
      </div>
      {item.mentor.headline && <p className={classes.headline}>{item.mentor.headline}</p>}
      <h3 className={classes.why}>Why</h3>
      <ul className={classes.reasons}>
        {item.reasons.map((reason) => (
          <li key={reason}>{reason}</li>
        ))}
      </ul>
      <FactorBreakdown factors={item.factors} />
      <div>
        <Button size="sm" onClick={onRequest}>
          Request mentorship
        </Button>
      </div>
    </li>
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
    ...suggestionsQuery,
    // Scoring runs on a worker: poll while it is pending, stop once it is ready.
    refetchInterval: (query) => (query.state.data?.status === 'pending' ? 1500 : false),
  });
  const refresh = useMutation({
    mutationFn: () => unwrap(api.POST('/v1/match-suggestions/refresh')),
    onSuccess: () =>
      queryClient.setQueryData(suggestionsQuery.queryKey, (old: Schemas['MatchSuggestionsView'] | undefined) =>
        old ? { ...old, status: 'pending' as const } : { status: 'pending' as const, computedAt: null, items: [] },
      ),
  });
  // The list is built from a deferred copy: React builds it in slices between which the browser stays free,
  // instead of in one task as long as the whole list (the query's own update cannot be interrupted).
  // On the first render too (the route's prefetch may have it already): null until then.
  const data = useDeferredValue(suggestions.data ?? null, null);
  // From the query itself, not the deferred copy: the button and the live status follow a refresh at once.
  const pending = refresh.isPending || suggestions.data?.status === 'pending';
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
        {data === null && !suggestions.isError ? (
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
      <Suspense fallback={null}>
        <RequestDialog mentor={mentor} onClose={() => setMentor(null)} />
      </Suspense>
    </>
  );
}
