import { Button, Fieldset, Group, NativeSelect, Stack, Text } from '@mantine/core';
import { TimeInput } from '@mantine/dates';
import type { Schemas } from '../../api/client';

export type Window = Schemas['AvailabilityWindowDto'];

const DAYS: { value: Window['day']; label: string }[] = [
  { value: 'mon', label: 'Monday' },
  { value: 'tue', label: 'Tuesday' },
  { value: 'wed', label: 'Wednesday' },
  { value: 'thu', label: 'Thursday' },
  { value: 'fri', label: 'Friday' },
  { value: 'sat', label: 'Saturday' },
  { value: 'sun', label: 'Sunday' },
];

interface Props {
  value: Window[];
  onChange: (windows: Window[]) => void;
  timeZone: string;
  /** The API's message for a path such as `availability[1].end`. */
  errorAt: (path: string) => string | undefined;
}

/** Weekly time windows, read in the profile's time zone. */
export function AvailabilityEditor({ value, onChange, timeZone, errorAt }: Props) {
  const update = (index: number, patch: Partial<Window>) =>
    onChange(value.map((w, i) => (i === index ? { ...w, ...patch } : w)));
  return (
    <Stack gap="sm">
      <Text fw={500} id="availability-heading">
        Weekly availability
      </Text>
      <Text size="sm" c="dimmed">
        When you are usually free for mentoring, in your time zone ({timeZone}).
        {value.length === 0 && ' No windows yet: add one so mentors and learners can find a time.'}
      </Text>
      {value.map((window, index) => (
        <Fieldset key={index} legend={`Time window ${index + 1}`} p="sm">
          <Group align="flex-end" gap="sm" wrap="wrap">
            <NativeSelect
              label="Day"
              data={DAYS}
              value={window.day}
              onChange={(e) => update(index, { day: e.currentTarget.value as Window['day'] })}
              error={errorAt(`availability[${index}].day`)}
            />
            <TimeInput
              label="From"
              value={window.start}
              onChange={(e) => update(index, { start: e.currentTarget.value })}
              error={errorAt(`availability[${index}].start`)}
            />
            <TimeInput
              label="To"
              value={window.end}
              onChange={(e) => update(index, { end: e.currentTarget.value })}
              error={errorAt(`availability[${index}].end`) ?? errorAt(`availability[${index}]`)}
            />
            <Button variant="subtle" color="red" onClick={() => onChange(value.filter((_, i) => i !== index))}>
              Remove
            </Button>
          </Group>
        </Fieldset>
      ))}
      <div>
        <Button variant="light" onClick={() => onChange([...value, { day: 'mon', start: '18:00', end: '20:00' }])}>
          Add time window
        </Button>
      </div>
    </Stack>
  );
}
