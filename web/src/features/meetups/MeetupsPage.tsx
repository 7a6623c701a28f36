import { Anchor, Button, Checkbox, Paper, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { DeferredField, deferredWidget, usePaintedOnce } from '../../components/DeferredField';
import { EmptyState } from '../../components/EmptyState';
import { LoadMore } from '../../components/LoadMore';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { QueryError } from '../../components/QueryError';
import { useHasRole, useSessionStatus, useViewerTimeZone } from '../auth/use-auth';
import { filtersFrom, meetupSearchQuery, searchOf, viewerOf } from './meetup-search';
import { RadiusInput } from './filters/RadiusInput';
import { MeetupItem } from './MeetupItem';
import { NearFilter } from './NearFilter';

// The filters' big widgets load once the list is on screen (DeferredField).
const { Widget: DayInput, preload: preloadDayInput } = deferredWidget(() => import('./filters/DayInput'));
const { Widget: SkillSelect, preload: preloadSkillSelect } = deferredWidget(() =>
  import('../profiles/SkillSelect').then((m) => ({ default: m.SkillSelect })),
);

interface DayFieldProps {
  load: boolean;
  label: string;
  value: string | null;
  minDate?: string;
  onChange: (day: string | null) => void;
}

/** "From" or "To": a day, its date picker drawn after the list (DeferredField). */
function DayField({ load, label, value, minDate, onChange }: DayFieldProps) {
  return (
    <DeferredField load={load} preload={preloadDayInput} label={label} text={value ?? ''}>
      {(autoFocus) => (
        <DayInput label={label} value={value} minDate={minDate} onChange={onChange} autoFocus={autoFocus} />
      )}
    </DeferredField>
  );
}

/** The filters as they stand in the address: shareable, and the back button restores them. */
function useFilters() {
  const [params, setParams] = useSearchParams();
  const filters = filtersFrom(params);
  /** Sets some parameters; typing replaces the history entry, a deliberate choice adds one. */
  const update = (changes: Record<string, string | null>, replace = false) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [name, value] of Object.entries(changes)) {
          if (value) next.set(name, value);
          else next.delete(name);
        }
        return next;
      },
      { replace },
    );
  const clear = () => setParams(new URLSearchParams());
  const any = [...params.keys()].length > 0;
  return { filters, update, clear, any };
}

export function MeetupsPage() {
  const zone = useViewerTimeZone();
  const organizer = useHasRole('organizer');
  const status = useSessionStatus();
  const { filters, update, clear, any } = useFilters();
  const [search, setSearch] = useState(filters.q);
  const typed = useRef(filters.q);
  // The back button (or a shared link) changes q under the box: show it.
  useEffect(() => {
    if (filters.q !== typed.current) {
      typed.current = filters.q;
      setSearch(filters.q);
    }
  }, [filters.q]);
  const commitSearch = useDebouncedCallback((value: string) => {
    typed.current = value.trim();
    update({ q: value.trim() || null }, true);
  }, 300);

  const meetups = useInfiniteQuery({
    ...meetupSearchQuery(searchOf(filters, zone), viewerOf(status)),
    // A changed filter (or the member's own copy, once signed in) replaces the list when it arrives.
    placeholderData: keepPreviousData,
  });
  // Once the list (or what stands in for it) is on screen, the filters' widgets load.
  const loadWidgets = usePaintedOnce(!meetups.isPending);
  const items = meetups.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <>
      <PageHeading>Meetups</PageHeading>
      <Stack>
        {organizer && (
          <div>
            <Button component={Link} to="/meetups/new">
              New meetup
            </Button>
          </div>
        )}
        <Paper withBorder p="md" component="section" aria-label="Filters">
          <Stack gap="sm">
            <TextInput
              type="search"
              label="Search meetups"
              placeholder="e.g. PostgreSQL, testing"
              value={search}
              onChange={(e) => {
                setSearch(e.currentTarget.value);
                commitSearch(e.currentTarget.value);
              }}
            />
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
              <DeferredField load={loadWidgets} preload={preloadSkillSelect} label="Skill" text={filters.skill ?? ''}>
                {(autoFocus) => (
                  <SkillSelect
                    label="Skill"
                    value={filters.skill}
                    onChange={(v) => update({ skill: v })}
                    clearable
                    autoFocus={autoFocus}
                  />
                )}
              </DeferredField>
              <DayField load={loadWidgets} label="From" value={filters.from} onChange={(v) => update({ from: v })} />
              <DayField
                load={loadWidgets}
                label="To"
                value={filters.to}
                minDate={filters.from ?? undefined}
                onChange={(v) => update({ to: v })}
              />
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
              <NearFilter
                load={loadWidgets}
                value={filters.near}
                onChange={(near) =>
                  update({
                    lat: near ? String(near.lat) : null,
                    lng: near ? String(near.lng) : null,
                    city: near?.city ?? null,
                    country: near?.country ?? null,
                    // In person near a place and online only exclude each other.
                    ...(near ? { online: null } : {}),
                  })
                }
              />
              <RadiusInput
                value={filters.radiusKm}
                description={filters.near ? undefined : 'Applies once Near is set'}
                onChange={(km) => update({ radiusKm: km === null ? null : String(km) }, true)}
              />
              <Checkbox
                label="Online only"
                checked={filters.online}
                onChange={(e) =>
                  update(
                    e.currentTarget.checked
                      ? { online: 'true', lat: null, lng: null, city: null, country: null }
                      : { online: null },
                  )
                }
                mt={{ base: 0, sm: 30 }}
              />
            </SimpleGrid>
          </Stack>
        </Paper>
        {meetups.isPending ? (
          <Loading label="Finding meetups…" />
        ) : meetups.isError ? (
          <QueryError error={meetups.error} />
        ) : items.length === 0 ? (
          <EmptyState title={any ? 'No upcoming meetup matches these filters' : 'No upcoming meetups yet'}>
            {any ? (
              <>
                Try fewer words, a broader skill, later dates or a larger radius, or{' '}
                <Anchor component="button" type="button" onClick={clear}>
                  clear every filter
                </Anchor>
                .
              </>
            ) : (
              'Check back soon.'
            )}
            {organizer && (
              <>
                {' '}
                As an organizer, you can also{' '}
                <Anchor component={Link} to="/meetups/new">
                  publish a meetup
                </Anchor>
                .
              </>
            )}
          </EmptyState>
        ) : (
          <>
            <Text size="sm" c="dimmed">
              Times in {zone}.
            </Text>
            <Stack
              component="ul"
              gap="sm"
              p={0}
              m={0}
              style={{ listStyle: 'none', opacity: meetups.isPlaceholderData ? 0.6 : 1 }}
              aria-label="Upcoming meetups"
              aria-busy={meetups.isPlaceholderData}
            >
              {items.map((meetup) => (
                <MeetupItem key={meetup.id} meetup={meetup} zone={zone} />
              ))}
            </Stack>
            <LoadMore pages={meetups} />
          </>
        )}
      </Stack>
    </>
  );
}
