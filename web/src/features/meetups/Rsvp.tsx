import { Group, Radio, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client';
import { unwrap } from '../../api/problem';
import { meetupKey, type Meetup } from './use-meetups';

type Answer = 'going' | 'interested' | 'not_going';

/** "Your RSVP": a member's answer to a meetup, and their place on its waitlist. */
export function Rsvp({ meetup: m, closed }: { meetup: Meetup; closed: boolean }) {
  const queryClient = useQueryClient();
  // The answer just picked shows at once (a controlled radio would otherwise spring back until the save ends).
  const [chosen, setChosen] = useState<Answer | null>(null);
  const rsvp = useMutation({
    // One answer at a time, in the order picked: sent together they could land in either order, the last pick lost.
    scope: { id: `rsvp:${m.id}` },
    mutationFn: (answer: Answer) =>
      unwrap(api.POST('/v1/meetups/{id}/rsvp', { params: { path: { id: m.id } }, body: { status: answer } })),
    onError: (error) => notifications.show({ color: 'red', title: 'RSVP not saved', message: error.message }),
    onSettled: async (_data, _error, answer) => {
      await queryClient.invalidateQueries({ queryKey: meetupKey(m.id) });
      // A later pick still on its way keeps showing.
      setChosen((current) => (current === answer ? null : current));
    },
  });
  const mine = m.myRsvp ?? null;
  // The waitlist is a "going" answer the meetup has no seat for yet.
  const shown = chosen ?? (mine?.status === 'waitlisted' ? 'going' : (mine?.status ?? null));
  return (
    <Stack gap="xs">
      <Radio.Group
        label="Your RSVP"
        description={closed ? 'Answers are closed.' : undefined}
        value={shown}
        onChange={(value) => {
          setChosen(value);
          rsvp.mutate(value);
        }}
      >
        <Group mt="xs">
          <Radio value="going" label="Going" disabled={closed} />
          <Radio value="interested" label="Interested" disabled={closed} />
          <Radio value="not_going" label="Not going" disabled={closed} />
        </Group>
      </Radio.Group>
      <div role="status">
        {mine?.status === 'waitlisted' && chosen === null && (
          <Text fw={600}>Waitlisted: position {mine.waitlistPosition}</Text>
        )}
      </div>
    </Stack>
  );
}
