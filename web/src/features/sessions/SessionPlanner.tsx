import { Button, Group, NativeSelect, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { ApiError } from '../../api/problem';
import { FormAlert } from '../../components/FormAlert';
import { formErrors } from '../../components/form-errors';
import { Loading } from '../../components/Loading';
import { QueryError } from '../../components/QueryError';
import { formatDateTime } from '../../lib/time';
import { FreeSlots } from './FreeSlots';
import { SESSION_LENGTHS, useProposeSession, useSlots, type Slot } from './use-sessions';

interface Chosen {
  startsAt: string;
  minutes: number;
}

/** "Find a time" over both people's free slots, then a proposal for the chosen one. */
export function SessionPlanner({
  mentorshipId,
  otherName,
  zone,
}: {
  mentorshipId: string;
  otherName: string;
  zone: string;
}) {
  const [length, setLength] = useState('60');
  const [searched, setSearched] = useState<number | null>(null);
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [agenda, setAgenda] = useState('');
  const [meetingUrl, setMeetingUrl] = useState('');
  const [missingTime, setMissingTime] = useState(false);
  const slots = useSlots(mentorshipId, searched ?? 60, searched !== null);
  const propose = useProposeSession(mentorshipId);

  const find = () => {
    const minutes = Number(length);
    if (minutes === searched) void slots.refetch();
    else setSearched(minutes);
  };
  const choose = (slot: Slot) => {
    setChosen({ startsAt: slot.startsAt, minutes: searched ?? Number(length) });
    setMissingTime(false);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!chosen) {
      setMissingTime(true);
      return;
    }
    propose.mutate(
      {
        startsAt: chosen.startsAt,
        durationMinutes: chosen.minutes,
        agenda: agenda.trim() || undefined,
        meetingUrl: meetingUrl.trim() || undefined,
      },
      {
        onSuccess: () => {
          setChosen(null);
          setAgenda('');
          setMeetingUrl('');
          notifications.show({ color: 'teal', message: `Session proposed: ${otherName} can now confirm it.` });
        },
        onError: (error) => {
          if (error instanceof ApiError && error.code === 'SESSION_CLASH') setChosen(null);
        },
      },
    );
  };

  const clash = propose.error instanceof ApiError && propose.error.code === 'SESSION_CLASH';
  const errors = formErrors(clash ? null : propose.error, ['agenda', 'meetingUrl']);
  return (
    <Stack gap="sm">
      <Title order={3} size="h5">
        Plan a session
      </Title>
      <Group align="flex-end" wrap="wrap" gap="sm">
        <NativeSelect
          label="Session length"
          value={length}
          onChange={(e) => setLength(e.currentTarget.value)}
          data={SESSION_LENGTHS.map((m) => ({ value: String(m), label: `${m} minutes` }))}
        />
        <Button variant="default" onClick={find} loading={slots.isFetching}>
          Find a time
        </Button>
      </Group>
      {searched !== null &&
        (slots.isPending ? (
          <Loading label="Finding times that suit you both…" />
        ) : slots.isError ? (
          <QueryError error={slots.error} />
        ) : (
          <FreeSlots slots={slots.data.items} zone={zone} chosen={chosen?.startsAt ?? null} onChoose={choose} />
        ))}
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm" aria-live="polite" c={missingTime ? 'red.8' : undefined}>
            {chosen
              ? `Proposed time: ${formatDateTime(chosen.startsAt, zone)}, ${chosen.minutes} minutes`
              : missingTime
                ? 'Choose a time first: “Find a time” lists the ones that suit you both.'
                : 'No time chosen yet: use “Find a time” and pick one.'}
          </Text>
          <Textarea
            label="Agenda"
            description="What you would like to cover (optional)."
            autosize
            minRows={2}
            maxLength={2000}
            value={agenda}
            onChange={(e) => setAgenda(e.currentTarget.value)}
            error={errors.field('agenda')}
          />
          <TextInput
            label="Meeting link"
            description="A video call address, http(s) (optional)."
            type="url"
            inputMode="url"
            maxLength={2048}
            value={meetingUrl}
            onChange={(e) => setMeetingUrl(e.currentTarget.value)}
            error={errors.field('meetingUrl')}
          />
          {clash && (
            <FormAlert
              messages={[
                `That time is no longer free: it overlaps another session of yours or of ${otherName}. ` +
                  'The free times have been looked up again; choose another.',
              ]}
            />
          )}
          <FormAlert messages={errors.general} />
          <div>
            <Button type="submit" loading={propose.isPending}>
              Propose session
            </Button>
          </div>
        </Stack>
      </form>
    </Stack>
  );
}
