import { Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { ApiError, unwrap } from '../../api/problem';
import { FormAlert } from '../../components/FormAlert';
import { conflictingLearners } from './ranking';
import { programKey, programsKey, type Program, type Run } from './use-programs';

/**
 * Publishing cannot be undone (every pair becomes an active mentorship and both sides are told), so it asks first.
 * A 409 PUBLISH_CONFLICT names the learners who reached their limit since the run, by name.
 */
export function PublishDialog({
  opened,
  onClose,
  program,
  run,
  names,
}: {
  opened: boolean;
  onClose: () => void;
  program: Program;
  run: Run;
  names: Map<string, string>;
}) {
  const queryClient = useQueryClient();
  const publish = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/v1/programs/{id}/match-runs/{runId}/publish', {
          params: { path: { id: program.id, runId: run.id } },
        }),
      ),
    onSuccess: (result) => {
      onClose();
      queryClient.setQueryData(programKey(program.id), result.program);
      void queryClient.invalidateQueries({ queryKey: programsKey });
      notifications.show({
        color: 'teal',
        message: `Published: ${result.mentorships.length} ${
          result.mentorships.length === 1 ? 'mentorship' : 'mentorships'
        } started; everyone matched was notified.`,
      });
    },
  });
  const error = publish.error;
  const conflict =
    error instanceof ApiError && error.code === 'PUBLISH_CONFLICT'
      ? conflictingLearners(error.problem.errors ?? [], run.pairs).map((id) => ({
          id,
          name: names.get(id) ?? 'A former member',
        }))
      : [];
  const close = () => {
    publish.reset();
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title="Publish this match run?" closeButtonProps={{ 'aria-label': 'Close' }}>
      <Stack>
        <Text>
          {run.pairs.length === 1 ? 'Its one pair becomes' : `Each of its ${run.pairs.length} pairs becomes`} an active
          mentorship and both people are notified. The program then closes: no more joining, ranking or runs.
        </Text>
        {conflict.length > 0 ? (
          <FormAlert
            title="Not published"
            messages={[
              'These learners reached their limit of active mentorships since the run, so nothing was published. ' +
                'Run matching again to leave them out:',
            ]}
          />
        ) : (
          <FormAlert title="Not published" messages={error ? [error.message] : []} />
        )}
        {conflict.length > 0 && (
          <List aria-label="Learners at their limit">
            {/* Keyed by id: two learners may share a name (and every departed one is "A former member"). */}
            {conflict.map(({ id, name }) => (
              <List.Item key={id}>{name}</List.Item>
            ))}
          </List>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            Cancel
          </Button>
          <Button onClick={() => publish.mutate()} loading={publish.isPending} disabled={conflict.length > 0}>
            Publish
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
