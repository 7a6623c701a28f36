import '@mantine/dates/styles.css';
import {
  Button,
  Checkbox,
  Fieldset,
  Group,
  NativeSelect,
  NumberInput,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { Schemas } from '../../api/client';
import { ApiError } from '../../api/problem';
import { FormAlert } from '../../components/FormAlert';
import { formErrors, type FormErrors } from '../../components/form-errors';
import { utcToWallTime, wallTimeToUtc } from '../../lib/wall-time';
import { CitySelect, type CityLocation } from '../profiles/CitySelect';
import { SkillsMultiSelect } from '../profiles/SkillsMultiSelect';
import { TimeZoneSelect } from '../profiles/TimeZoneSelect';
import { LEVEL_NAMES, type Meetup, type MeetupLevel } from './use-meetups';
import { WallTimeInput } from './WallTimeInput';

export type MeetupBody = Schemas['CreateMeetupDto'];

const FIELDS = [
  'title',
  'description',
  'startsAt',
  'endsAt',
  'timezone',
  'online',
  'onlineUrl',
  'venue.name',
  'venue.address',
  'venue',
  'capacity',
  'skills',
  'level',
] as const;

const LEVEL_OPTIONS = [
  { value: '', label: 'Any level' },
  ...(Object.entries(LEVEL_NAMES) as [MeetupLevel, string][]).map(([value, label]) => ({ value, label })),
];

interface Props {
  /** The meetup being edited; a new one when absent. */
  meetup?: Meetup;
  /** The zone a new meetup starts in: the organizer's own. */
  defaultTimeZone: string;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (body: MeetupBody) => void;
}

/** Errors at their fields; "capacity below those going" (a 409 without `errors[]`) belongs at Capacity too. */
function errorsOf(error: unknown): FormErrors {
  if (error instanceof ApiError && error.code === 'CAPACITY_BELOW_GOING') {
    return { field: (path) => (path === 'capacity' ? error.message : undefined), general: [] };
  }
  return formErrors(error, FIELDS);
}

/** The fields of a meetup, shared by "New meetup" and "Edit meetup". */
export function MeetupForm({ meetup, defaultTimeZone, submitLabel, pending, error, onSubmit }: Props) {
  const [title, setTitle] = useState(meetup?.title ?? '');
  const [description, setDescription] = useState(meetup?.description ?? '');
  const [timezone, setTimezone] = useState(meetup?.timezone ?? defaultTimeZone);
  const [startsAt, setStartsAt] = useState<string | null>(
    meetup ? utcToWallTime(meetup.startsAt, meetup.timezone) : null,
  );
  const [endsAt, setEndsAt] = useState<string | null>(meetup ? utcToWallTime(meetup.endsAt, meetup.timezone) : null);
  const [online, setOnline] = useState(meetup?.online ?? false);
  const [onlineUrl, setOnlineUrl] = useState(meetup?.onlineUrl ?? '');
  const [venueName, setVenueName] = useState(meetup?.venue?.name ?? '');
  const [address, setAddress] = useState(meetup?.venue?.address ?? '');
  const [city, setCity] = useState<CityLocation | null>(meetup?.venue ?? null);
  const [capacity, setCapacity] = useState<number | string>(meetup?.capacity ?? 20);
  const [skills, setSkills] = useState<string[]>(meetup?.skills ?? []);
  const [level, setLevel] = useState<string>(meetup?.level ?? '');
  const [local, setLocal] = useState<Partial<Record<'startsAt' | 'endsAt' | 'city', string>>>({});

  const errors = errorsOf(error);
  const fieldError = (path: (typeof FIELDS)[number]) => (local as Record<string, string>)[path] ?? errors.field(path);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const start = startsAt ? wallTimeToUtc(startsAt, timezone) : null;
    const end = endsAt ? wallTimeToUtc(endsAt, timezone) : null;
    const venueGiven = Boolean(venueName.trim() || address.trim() || city);
    const problems: typeof local = {};
    if (!start) problems.startsAt = 'Enter the start as YYYY-MM-DD HH:mm';
    if (!end) problems.endsAt = 'Enter the end as YYYY-MM-DD HH:mm';
    if ((venueGiven || !online) && !city) problems.city = 'Choose the city from the list';
    setLocal(problems);
    if (!start || !end || Object.keys(problems).length > 0) return;
    onSubmit({
      title,
      description,
      startsAt: start,
      endsAt: end,
      timezone,
      online,
      onlineUrl: online ? onlineUrl.trim() || null : null,
      venue:
        venueGiven && city
          ? { name: venueName, address, city: city.city, country: city.country, lat: city.lat, lng: city.lng }
          : null,
      capacity: Number(capacity),
      skills,
      level: (level || null) as MeetupLevel | null,
    });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack maw={640}>
        <TextInput
          label="Title"
          required
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          error={fieldError('title')}
        />
        <Textarea
          label="Description"
          autosize
          minRows={3}
          value={description}
          onChange={(e) => setDescription(e.currentTarget.value)}
          error={fieldError('description')}
        />
        <TimeZoneSelect
          value={timezone}
          onChange={setTimezone}
          error={fieldError('timezone')}
          description="Starts and Ends are read on this zone’s clock"
        />
        <Group grow wrap="wrap" align="flex-start" gap="md">
          <WallTimeInput
            label="Starts"
            value={startsAt}
            onChange={setStartsAt}
            timeZone={timezone}
            error={local.startsAt ?? errors.field('startsAt')}
          />
          <WallTimeInput
            label="Ends"
            value={endsAt}
            onChange={setEndsAt}
            timeZone={timezone}
            error={local.endsAt ?? errors.field('endsAt')}
          />
        </Group>
        <Checkbox
          label="Online"
          description="Held online; a venue is then optional (hybrid)"
          checked={online}
          onChange={(e) => setOnline(e.currentTarget.checked)}
        />
        {online && (
          <TextInput
            label="Online link"
            description="Shown only to you and to members who are going"
            type="url"
            placeholder="https://"
            required
            value={onlineUrl}
            onChange={(e) => setOnlineUrl(e.currentTarget.value)}
            error={fieldError('onlineUrl')}
          />
        )}
        <Fieldset legend={online ? 'Venue (optional)' : 'Venue'}>
          <Stack>
            <TextInput
              label="Venue name"
              required={!online}
              value={venueName}
              onChange={(e) => setVenueName(e.currentTarget.value)}
              error={fieldError('venue.name')}
            />
            <TextInput
              label="Address"
              required={!online}
              value={address}
              onChange={(e) => setAddress(e.currentTarget.value)}
              error={fieldError('venue.address')}
            />
            <CitySelect value={city} onChange={setCity} error={local.city ?? errors.field('venue')} />
          </Stack>
        </Fieldset>
        <Group grow wrap="wrap" align="flex-start" gap="md">
          <NumberInput
            label="Capacity"
            description="Seats; answers beyond them join the waitlist"
            min={1}
            max={10000}
            allowDecimal={false}
            allowNegative={false}
            required
            withAsterisk={false}
            value={capacity}
            onChange={setCapacity}
            error={fieldError('capacity')}
          />
          <NativeSelect
            label="Level"
            data={LEVEL_OPTIONS}
            value={level}
            onChange={(e) => setLevel(e.currentTarget.value)}
            error={fieldError('level')}
          />
        </Group>
        <SkillsMultiSelect label="Skills" value={skills} onChange={setSkills} error={fieldError('skills')} />
        <FormAlert messages={errors.general} />
        <div>
          <Button type="submit" loading={pending}>
            {submitLabel}
          </Button>
        </div>
      </Stack>
    </form>
  );
}
