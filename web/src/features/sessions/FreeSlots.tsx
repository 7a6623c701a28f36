import { Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { groupByDay, slotName, slotTime } from './slot-days';
import type { Slot } from './use-sessions';

const DAYS_AT_FIRST = 5;

/** The free starts as buttons, a day per row, in the viewer's zone; the chosen one is pressed. */
export function FreeSlots({
  slots,
  zone,
  chosen,
  onChoose,
}: {
  slots: Slot[];
  zone: string;
  chosen: string | null;
  onChoose: (slot: Slot) => void;
}) {
  const [allDays, setAllDays] = useState(false);
  const days = groupByDay(slots, zone);
  if (days.length === 0) {
    return (
      <Text role="status">
        No time in the next two weeks suits you both. Widen your weekly time windows on{' '}
        <Anchor component={Link} to="/settings/profile">
          your profile
        </Anchor>
        , try a shorter session, or agree on a time in your conversation.
      </Text>
    );
  }
  const shown = allDays ? days : days.slice(0, DAYS_AT_FIRST);
  return (
    <Stack gap="xs">
      <Text size="sm" role="status">
        {slots.length === 1 ? '1 free time' : `${slots.length} free times`} in the next two weeks. Times in {zone} (your
        time zone).
      </Text>
      <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Free times">
        {shown.map((day) => (
          <li key={day.date}>
            <Text size="sm" fw={600} id={`day-${day.date}`}>
              {day.label}
            </Text>
            <Group gap={6} mt={4} role="group" aria-labelledby={`day-${day.date}`}>
              {day.slots.map((slot) => {
                const pressed = slot.startsAt === chosen;
                return (
                  <Button
                    key={slot.startsAt}
                    size="compact-sm"
                    variant={pressed ? 'filled' : 'default'}
                    aria-pressed={pressed}
                    aria-label={slotName(slot.startsAt, zone)}
                    onClick={() => onChoose(slot)}
                  >
                    {slotTime(slot.startsAt, zone)}
                  </Button>
                );
              })}
            </Group>
          </li>
        ))}
      </Stack>
      {days.length > DAYS_AT_FIRST && (
        <div>
          <Button variant="subtle" size="compact-sm" onClick={() => setAllDays(!allDays)}>
            {allDays ? 'Fewer days' : `Show all ${days.length} days`}
          </Button>
        </div>
      )}
    </Stack>
  );
}
