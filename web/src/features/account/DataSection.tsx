import { Button, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useId } from 'react';
import { api } from '../../api/client';
import { unwrap } from '../../api/problem';
import { FormAlert } from '../../components/FormAlert';
import { formErrors } from '../../components/form-errors';
import { fileNameFrom, saveFile } from '../../lib/save-file';

async function downloadExport(): Promise<void> {
  const call = api.GET('/v1/me/export', { parseAs: 'blob' });
  const blob = await unwrap(call);
  const { response } = await call;
  const name = fileNameFrom(response.headers.get('content-disposition'), 'guildhall-export.json');
  saveFile(new Blob([blob], { type: 'application/json' }), name);
}

/** Everything stored about the account, as one JSON file. */
export function DataSection() {
  const headingId = useId();
  const download = useMutation({ mutationFn: downloadExport });
  const errors = formErrors(download.error, []);
  return (
    <section aria-labelledby={headingId}>
      <Title order={2} size="h3" id={headingId} mb="xs">
        Your data
      </Title>
      <Stack gap="xs" align="flex-start">
        <Text size="sm" c="dimmed">
          One JSON file with your account, profile, skills, goals, requests, mentorships, feedback, RSVPs, programs and
          notifications.
        </Text>
        <FormAlert messages={errors.general} title="No download" />
        <Button variant="default" onClick={() => download.mutate()} loading={download.isPending}>
          Download my data
        </Button>
      </Stack>
    </section>
  );
}
