import { Badge, Button, Group, Loader, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { formatDateTime } from '../../lib/time';
import { useViewerTimeZone } from '../auth/use-auth';
import { PublishDialog } from './PublishDialog';
import { useRun, type Program, type Run, type RunSummary } from './use-programs';

const percent = (score: number) => `${Math.round(score * 100)}%`;

/** Seconds since the run started, ticking: the worker reports no progress, so time is what we can show. */
function useElapsed(since: string, running: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, [running]);
  return Math.max(0, Math.round((now - Date.parse(since)) / 1_000));
}

function Stats({ stats }: { stats: NonNullable<RunSummary['stats']> }) {
  const rows: [string, string][] = [
    ['Matched', `${stats.matched} of ${stats.learners} ${stats.learners === 1 ? 'learner' : 'learners'}`],
    ['Unmatched', String(stats.unmatched)],
    ['Total score', stats.totalScore.toFixed(2)],
    ['Blocking pairs', String(stats.blockingPairs)],
  ];
  return (
    <SimpleGrid component="dl" cols={{ base: 2, sm: 4 }} spacing="xs" m={0}>
      {rows.map(([term, value]) => (
        <div key={term}>
          <Text component="dt" size="xs" c="dimmed">
            {term}
          </Text>
          <Text component="dd" m={0} fw={600}>
            {value}
          </Text>
        </div>
      ))}
    </SimpleGrid>
  );
}

function PairsTable({ run, names, caption }: { run: Run; names: Map<string, string>; caption: string }) {
  if (run.pairs.length === 0) return <Text c="dimmed">No pairs: nobody could be matched in this run.</Text>;
  const name = (id: string) => names.get(id) ?? 'A former member';
  return (
    <Table striped layout="fixed" captionSide="top">
      <Table.Caption style={{ textAlign: 'left' }}>{caption}</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Learner</Table.Th>
          <Table.Th>Mentor</Table.Th>
          <Table.Th w={72}>Score</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {run.pairs.map((pair) => (
          <Table.Tr key={`${pair.learnerId}-${pair.mentorId}`}>
            <Table.Td style={{ overflowWrap: 'anywhere' }}>{name(pair.learnerId)}</Table.Td>
            <Table.Td style={{ overflowWrap: 'anywhere' }}>{name(pair.mentorId)}</Table.Td>
            <Table.Td>{percent(pair.score)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

const STATUS = {
  running: { label: 'Running', color: 'blue' },
  done: { label: 'Done', color: 'teal' },
  failed: { label: 'Failed', color: 'red' },
} as const;

/** One match run: its status (the list polls while it runs), its stats, its pairs and, when done, Publish. */
export function MatchRunCard({
  program,
  run,
  names,
}: {
  program: Program;
  run: RunSummary;
  names: Map<string, string>;
}) {
  const zone = useViewerTimeZone();
  const [confirming, setConfirming] = useState(false);
  const detail = useRun(program.id, run.id, run.status === 'done');
  const elapsed = useElapsed(run.createdAt, run.status === 'running');
  const headingId = `run-${run.id}`;
  const title = `Run of ${formatDateTime(run.createdAt, zone, { seconds: true })}`;
  const status = run.publishedAt ? { label: 'Published', color: 'indigo' } : STATUS[run.status];
  return (
    <Paper component="li" withBorder p="md" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Title order={3} size="h5" id={headingId}>
            {title}
          </Title>
          <Badge color={status.color}>{status.label}</Badge>
        </Group>
        {run.status === 'running' && (
          <Group gap="xs">
            <Loader size="xs" aria-hidden />
            {/* Only the steady words are live: a counter inside a live region would be read out every second. */}
            <Text size="sm">
              <span role="status">Matching {names.size} members…</span> running for {elapsed} s. This page updates by
              itself.
            </Text>
          </Group>
        )}
        {run.status === 'failed' && (
          <Text c="red.8" size="sm">
            This run failed{run.error ? `: ${run.error}` : ''}. Run matching again.
          </Text>
        )}
        {run.stats && <Stats stats={run.stats} />}
        {run.status === 'done' &&
          (detail.isPending ? (
            <Text size="sm" c="dimmed">
              Loading the pairs…
            </Text>
          ) : detail.isError ? (
            <Text size="sm" c="red.8">
              The pairs could not be loaded: {detail.error.message}
            </Text>
          ) : (
            <>
              <PairsTable run={detail.data} names={names} caption={`Pairs of this run (${detail.data.pairs.length})`} />
              {program.status === 'open' && detail.data.pairs.length > 0 && (
                <div>
                  <Button onClick={() => setConfirming(true)}>Publish</Button>
                </div>
              )}
              <PublishDialog
                opened={confirming}
                onClose={() => setConfirming(false)}
                program={program}
                run={detail.data}
                names={names}
              />
            </>
          ))}
      </Stack>
    </Paper>
  );
}
