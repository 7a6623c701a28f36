import { Button, Group, Paper, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { api } from '../../api/client';
import { unwrap } from '../../api/problem';
import { EmptyState } from '../../components/EmptyState';
import { FormAlert } from '../../components/FormAlert';
import { formErrors } from '../../components/form-errors';
import { Loading } from '../../components/Loading';
import { QueryError } from '../../components/QueryError';
import { initialRanking, move } from './ranking';
import { membershipKey, useMembers, type Member, type Membership, type Program } from './use-programs';

type Direction = -1 | 1;

/**
 * The other side in the member's order, best first, each moved with "Move up" / "Move down" (keyboard and screen
 * readers included: focus follows the moved person and the new place is announced). Saving states the whole list.
 */
export function RankingEditor({ program, membership }: { program: Program; membership: Membership }) {
  const queryClient = useQueryClient();
  const others = useMembers(program.id, true);
  const fromServer = useMemo(
    () => initialRanking(others.data?.items ?? [], membership.preferences),
    [others.data, membership.preferences],
  );
  const [order, setOrder] = useState<Member[] | null>(null);
  const ranking = order ?? fromServer;
  const [announcement, setAnnouncement] = useState('');
  const [focus, setFocus] = useState<{ id: string; by: Direction } | null>(null);
  const buttons = useRef(new Map<string, HTMLButtonElement | null>());

  // Once per move only: the list also changes when it is saved or refetched, and that must not pull the focus back.
  useEffect(() => {
    if (!focus) return;
    const key = (by: Direction) => `${focus.id}:${by}`;
    const wanted = buttons.current.get(key(focus.by));
    (wanted && !wanted.disabled ? wanted : buttons.current.get(key(focus.by === -1 ? 1 : -1)))?.focus();
  }, [focus]);

  const save = useMutation({
    mutationFn: () =>
      unwrap(
        api.PATCH('/v1/programs/{id}/members/me', {
          params: { path: { id: program.id } },
          body: { preferences: ranking.map((m) => m.profileId) },
        }),
      ),
    onSuccess: (saved) => {
      queryClient.setQueryData(membershipKey(program.id), saved);
      setOrder(null);
      notifications.show({ color: 'teal', message: 'Ranking saved' });
    },
  });
  const errors = formErrors(save.error, []);
  const otherSide = membership.as === 'learner' ? 'mentors' : 'learners';
  const open = program.status === 'open';

  const shift = (index: number, by: Direction) => {
    const next = move(ranking, index, by);
    const person = ranking[index];
    setOrder(next);
    setFocus({ id: person.profileId, by });
    setAnnouncement(`${person.displayName} is now number ${index + by + 1} of ${next.length}`);
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="ranking-heading">
      <Title order={2} size="h4" id="ranking-heading" mb="xs">
        Your ranking of {otherSide}
      </Title>
      {others.isPending ? (
        <Loading />
      ) : others.isError ? (
        <QueryError error={others.error} />
      ) : ranking.length === 0 ? (
        <EmptyState title={`No ${otherSide} have joined yet`}>
          Come back once they have: you can rank them until the organizer publishes the matching. Without a ranking you
          are matched by score.
        </EmptyState>
      ) : (
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {open
              ? 'Best first. When you save, everyone is ranked in this order; the matching tries to give you ' +
                'someone high on your list.'
              : 'The ranking you gave, best first. The program is published, so it no longer changes.'}
          </Text>
          <Stack component="ol" gap={6} p={0} m={0} style={{ listStyle: 'none' }} aria-label="Your ranking">
            {ranking.map((person, index) => {
              const nameId = `rank-${person.profileId}`;
              return (
                <Paper component="li" withBorder p="xs" key={person.profileId} aria-labelledby={nameId}>
                  <Group justify="space-between" wrap="wrap" gap="xs">
                    <Text style={{ overflowWrap: 'anywhere' }}>
                      <Text span c="dimmed" mr={6}>
                        {index + 1}.
                      </Text>
                      <span id={nameId}>{person.displayName}</span>
                      {person.capacity !== null && (
                        <Text span c="dimmed" size="sm">
                          {' '}
                          · {person.capacity} {person.capacity === 1 ? 'seat' : 'seats'}
                        </Text>
                      )}
                    </Text>
                    {open && (
                      <Group gap={6}>
                        <Button
                          size="compact-sm"
                          variant="default"
                          disabled={index === 0}
                          ref={(el) => void buttons.current.set(`${person.profileId}:-1`, el)}
                          onClick={() => shift(index, -1)}
                        >
                          Move up
                        </Button>
                        <Button
                          size="compact-sm"
                          variant="default"
                          disabled={index === ranking.length - 1}
                          ref={(el) => void buttons.current.set(`${person.profileId}:1`, el)}
                          onClick={() => shift(index, 1)}
                        >
                          Move down
                        </Button>
                      </Group>
                    )}
                  </Group>
                </Paper>
              );
            })}
          </Stack>
          <VisuallyHidden aria-live="polite">{announcement}</VisuallyHidden>
          <FormAlert messages={errors.general} />
          {open && (
            <Group gap="sm">
              <Button onClick={() => save.mutate()} loading={save.isPending}>
                Save ranking
              </Button>
              {order && (
                <Text size="sm" c="dimmed">
                  Not saved yet
                </Text>
              )}
            </Group>
          )}
        </Stack>
      )}
    </Paper>
  );
}
