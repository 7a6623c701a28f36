import { Button, Stack, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, type Schemas } from '../../api/client';
import { unwrap } from '../../api/problem';
import { FormAlert } from '../../components/FormAlert';
import { formErrors } from '../../components/form-errors';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { QueryError } from '../../components/QueryError';
import { browserTimeZone } from '../../lib/time';
import { meKey, useMe } from '../auth/use-auth';
import { AvailabilityEditor, type Window } from './AvailabilityEditor';
import { CitySelect, type CityLocation } from './CitySelect';
import { LanguagesSelect } from './LanguagesSelect';
import { SettingsNav } from './SettingsNav';
import { TimeZoneSelect } from './TimeZoneSelect';

type OwnProfile = Schemas['OwnProfile'];

function ProfileForm({ profile }: { profile: OwnProfile }) {
  const queryClient = useQueryClient();
  const browserZone = browserTimeZone();
  // A new profile starts in UTC: propose the browser's zone instead, saved with the rest.
  const proposeZone = profile.timezone === 'UTC' && browserZone !== 'UTC';
  const [displayName, setDisplayName] = useState(profile.displayName);
  const [headline, setHeadline] = useState(profile.headline);
  const [bio, setBio] = useState(profile.bio);
  const [timezone, setTimezone] = useState(proposeZone ? browserZone : profile.timezone);
  const [languages, setLanguages] = useState<string[]>(profile.languages);
  const [location, setLocation] = useState<CityLocation | null>(profile.location);
  const [contactUrl, setContactUrl] = useState(profile.contactUrl ?? '');
  const [availability, setAvailability] = useState<Window[]>(profile.availability);

  const save = useMutation({
    mutationFn: () =>
      unwrap(
        api.PATCH('/v1/profiles/me', {
          body: {
            displayName,
            headline,
            bio,
            timezone,
            languages,
            location: location && {
              city: location.city,
              country: location.country,
              lat: location.lat,
              lng: location.lng,
            },
            contactUrl: contactUrl.trim() === '' ? null : contactUrl.trim(),
            availability,
          },
        }),
      ),
    onSuccess: (saved) => {
      queryClient.setQueryData(meKey, saved);
      setAvailability(saved.availability);
      notifications.show({ color: 'teal', message: 'Profile saved' });
    },
  });
  const paths = [
    'displayName',
    'headline',
    'bio',
    'timezone',
    'languages',
    'location',
    'contactUrl',
    ...availability.flatMap((_, i) => [
      `availability[${i}].day`,
      `availability[${i}].start`,
      `availability[${i}].end`,
      `availability[${i}]`,
    ]),
  ];
  const errors = formErrors(save.error, paths);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack maw={640}>
        <TextInput
          label="Display name"
          required
          value={displayName}
          onChange={(e) => setDisplayName(e.currentTarget.value)}
          error={errors.field('displayName')}
        />
        <TextInput
          label="Headline"
          description="One line about you, e.g. “Backend developer learning Go”"
          value={headline}
          onChange={(e) => setHeadline(e.currentTarget.value)}
          error={errors.field('headline')}
        />
        <Textarea
          label="Bio"
          autosize
          minRows={3}
          value={bio}
          onChange={(e) => setBio(e.currentTarget.value)}
          error={errors.field('bio')}
        />
        <TimeZoneSelect
          value={timezone}
          onChange={setTimezone}
          error={errors.field('timezone')}
          description={
            proposeZone && timezone === browserZone
              ? `Proposed from your browser (${browserZone}); saved when you save your profile.`
              : undefined
          }
        />
        <LanguagesSelect value={languages} onChange={setLanguages} error={errors.field('languages')} />
        <CitySelect value={location} onChange={setLocation} error={errors.field('location')} />
        <TextInput
          label="Contact link"
          description="Shown only to the people you are in a mentorship with"
          type="url"
          placeholder="https://"
          value={contactUrl}
          onChange={(e) => setContactUrl(e.currentTarget.value)}
          error={errors.field('contactUrl')}
        />
        <AvailabilityEditor
          value={availability}
          onChange={setAvailability}
          timeZone={timezone}
          errorAt={(path) => errors.field(path)}
        />
        <FormAlert messages={errors.general} />
        <div>
          <Button type="submit" loading={save.isPending}>
            Save profile
          </Button>
        </div>
      </Stack>
    </form>
  );
}

export function ProfilePage() {
  const me = useMe();
  return (
    <>
      <PageHeading>Your profile</PageHeading>
      <SettingsNav />
      {me.isPending ? <Loading /> : me.isError ? <QueryError error={me.error} /> : <ProfileForm profile={me.data} />}
    </>
  );
}
