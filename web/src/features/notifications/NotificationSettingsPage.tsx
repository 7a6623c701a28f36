import { Alert, Button, Checkbox, Code, Fieldset, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, type Schemas } from '../../api/client';
import { unwrap } from '../../api/problem';
import { FormAlert } from '../../components/FormAlert';
import { formErrors } from '../../components/form-errors';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { QueryError } from '../../components/QueryError';
import { SettingsNav } from '../profiles/SettingsNav';
import { TYPE_GROUPS, type NotificationType } from './notification-types';

// Not under ['notifications']: a new notification invalidates that prefix, and preferences do not change with it.
const preferencesKey = ['notification-preferences'] as const;

type Preferences = Schemas['NotificationPreferencesView'];

function PreferencesForm({ saved }: { saved: Preferences }) {
  const queryClient = useQueryClient();
  const [email, setEmail] = useState(saved.email);
  const [webhookUrl, setWebhookUrl] = useState(saved.webhookUrl ?? '');
  const [muted, setMuted] = useState<Set<NotificationType>>(new Set(saved.mutedTypes));
  const save = useMutation({
    mutationFn: () =>
      unwrap(
        api.PUT('/v1/notification-preferences', {
          body: { email, webhookUrl: webhookUrl.trim() || null, mutedTypes: [...muted] },
        }),
      ),
    onSuccess: (answer) => {
      const { webhookSecret: _secret, ...stored } = answer;
      queryClient.setQueryData(preferencesKey, stored);
      notifications.show({ color: 'teal', message: 'Notification settings saved' });
    },
  });
  const errors = formErrors(save.error, ['email', 'webhookUrl', 'mutedTypes']);
  const toggle = (type: NotificationType, on: boolean) =>
    setMuted((current) => {
      const next = new Set(current);
      if (on) next.add(type);
      else next.delete(type);
      return next;
    });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack maw={720}>
        <Fieldset legend="Delivery">
          <Stack>
            <Checkbox
              label="E-mail me"
              description="An e-mail for each notification you have not muted"
              checked={email}
              onChange={(e) => setEmail(e.currentTarget.checked)}
              error={errors.field('email')}
            />
            <TextInput
              label="Webhook URL"
              description="An https address we POST each notification to, signed. Leave it empty for none."
              type="url"
              inputMode="url"
              autoComplete="off"
              value={webhookUrl}
              onChange={(e) => setWebhookUrl(e.currentTarget.value)}
              error={errors.field('webhookUrl')}
            />
          </Stack>
        </Fieldset>
        <Fieldset legend="Mute notifications">
          <Text size="sm" c="dimmed" mb="sm" id="mute-help">
            Tick what you do not want at all: a muted kind creates no notification here, no e-mail and no webhook call.
          </Text>
          <Stack>
            {TYPE_GROUPS.map((group) => (
              <Fieldset
                key={group.legend}
                legend={group.legend}
                variant="unstyled"
                aria-describedby="mute-help"
                styles={{ legend: { fontWeight: 600 } }}
              >
                <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="sm" mt="xs">
                  {group.types.map(({ type, label, description }) => (
                    <Checkbox
                      key={type}
                      label={label}
                      description={description}
                      checked={muted.has(type)}
                      onChange={(e) => toggle(type, e.currentTarget.checked)}
                    />
                  ))}
                </SimpleGrid>
              </Fieldset>
            ))}
          </Stack>
          {errors.field('mutedTypes') && (
            <Text c="red" size="sm" mt="xs">
              {errors.field('mutedTypes')}
            </Text>
          )}
        </Fieldset>
        <FormAlert messages={errors.general} />
        {save.data?.webhookSecret && (
          <Alert color="blue" title="Your webhook signing secret">
            <Text size="sm">
              Copy it now: it is shown only this once. Each delivery carries a webhook-signature header made with it.
            </Text>
            <Code block mt="xs" style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>
              {save.data.webhookSecret}
            </Code>
          </Alert>
        )}
        <div>
          <Button type="submit" loading={save.isPending}>
            Save
          </Button>
        </div>
      </Stack>
    </form>
  );
}

export function NotificationSettingsPage() {
  const preferences = useQuery({
    queryKey: preferencesKey,
    queryFn: () => unwrap(api.GET('/v1/notification-preferences')),
  });
  return (
    <>
      <PageHeading>Notification settings</PageHeading>
      <SettingsNav />
      {preferences.isPending ? (
        <Loading />
      ) : preferences.isError ? (
        <QueryError error={preferences.error} />
      ) : (
        <PreferencesForm saved={preferences.data} />
      )}
    </>
  );
}
