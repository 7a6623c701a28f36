import { LoadMore } from '../../components/LoadMore';
import { Anchor, Badge, Checkbox, Group, NativeSelect, Paper, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api, type Schemas } from '../../api/client';
import { unwrap } from '../../api/problem';
import { EmptyState } from '../../components/EmptyState';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { QueryError } from '../../components/QueryError';
import { languageName, languageOptions } from '../../lib/languages';
import { levelLabel } from '../../lib/levels';
import { SkillSelect } from '../profiles/SkillSelect';
import { useSkillNames } from '../profiles/use-skills';

const MIN_LEVELS = [
  { value: '', label: 'Any level' },
  ...[1, 2, 3, 4, 5].map((level) => ({ value: String(level), label: levelLabel(level) })),
];

function MentorCard({ mentor }: { mentor: Schemas['MentorItem'] }) {
  const nameOf = useSkillNames();
  const top = [...mentor.skills].sort((a, b) => b.level - a.level).slice(0, 5);
  return (
    <Paper component="li" withBorder p="md">
      <Stack gap={6}>
        <Group justify="space-between" wrap="wrap">
          <Anchor component={Link} to={`/people/${mentor.id}`} fw={600} size="lg">
            {mentor.displayName}
          </Anchor>
          {mentor.acceptingMentees && mentor.openSlots > 0 ? (
            <Badge color="teal" variant="light">
              {mentor.openSlots} open {mentor.openSlots === 1 ? 'slot' : 'slots'}
            </Badge>
          ) : (
            <Badge color="gray" variant="light">
              Not taking mentees
            </Badge>
          )}
        </Group>
        {mentor.headline && <Text c="dimmed">{mentor.headline}</Text>}
        <Text size="sm">
          {top.map((s) => `${nameOf(s.skill)} (${levelLabel(s.level)})`).join(' · ') || 'No skills listed'}
        </Text>
        <Text size="sm" c="dimmed">
          {mentor.timezone}
          {mentor.languages.length > 0 && ` · ${mentor.languages.map(languageName).join(', ')}`}
        </Text>
      </Stack>
    </Paper>
  );
}

export function MentorsPage() {
  // Filters live in the address, so a search can be bookmarked and the back button restores it.
  const [params, setParams] = useSearchParams();
  const skill = params.get('skill');
  const minLevel = params.get('minLevel') ?? '';
  const language = params.get('language');
  const acceptingOnly = params.get('acceptingOnly') === 'true';
  const set = (name: string, value: string | null) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(name, value);
        else next.delete(name);
        return next;
      },
      { replace: true },
    );
  const languages = useMemo(() => languageOptions(), []);
  const mentors = useInfiniteQuery({
    queryKey: ['mentors', { skill, minLevel, language, acceptingOnly }],
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/v1/mentors', {
          params: {
            query: {
              skill: skill ?? undefined,
              minLevel: minLevel ? Number(minLevel) : undefined,
              language: language ?? undefined,
              acceptingOnly: acceptingOnly ? true : undefined,
              cursor: pageParam,
              limit: 20,
            },
          },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = mentors.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <>
      <PageHeading>Find a mentor</PageHeading>
      <Stack>
        <Paper withBorder p="md" component="section" aria-label="Filters">
          <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="sm">
            <SkillSelect label="Skill" value={skill} onChange={(value) => set('skill', value)} clearable />
            <NativeSelect
              label="Minimum level"
              data={MIN_LEVELS}
              value={minLevel}
              onChange={(e) => set('minLevel', e.currentTarget.value)}
            />
            <Select
              label="Language"
              placeholder="Any language"
              data={languages}
              value={language}
              onChange={(value) => set('language', value)}
              searchable
              clearable
              limit={30}
              nothingFoundMessage="No language by that name"
            />
            <Checkbox
              label="Accepting mentees only"
              checked={acceptingOnly}
              onChange={(e) => set('acceptingOnly', e.currentTarget.checked ? 'true' : null)}
              mt={{ base: 0, md: 30 }}
            />
          </SimpleGrid>
        </Paper>
        {mentors.isPending ? (
          <Loading label="Searching mentors…" />
        ) : mentors.isError ? (
          <QueryError error={mentors.error} />
        ) : items.length === 0 ? (
          <EmptyState title="No mentor matches these filters">
            Try a broader skill (a parent such as SQL instead of PostgreSQL), a lower minimum level, or any language.
          </EmptyState>
        ) : (
          <>
            <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Mentors">
              {items.map((mentor) => (
                <MentorCard key={mentor.id} mentor={mentor} />
              ))}
            </Stack>
            <LoadMore pages={mentors} />
          </>
        )}
      </Stack>
    </>
  );
}
