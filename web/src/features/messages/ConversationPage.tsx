import { Alert, Anchor, Button, Group, Paper, Stack, Text, Textarea, VisuallyHidden } from '@mantine/core';
import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { Link, useParams } from 'react-router';
import { FormAlert } from '../../components/FormAlert';
import { formErrors } from '../../components/form-errors';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { QueryError } from '../../components/QueryError';
import { formatDateTime } from '../../lib/time';
import { useMe, useViewerTimeZone } from '../auth/use-auth';
import {
  oldestFirst,
  useConversation,
  useMarkRead,
  useMessages,
  useSendMessage,
  type Conversation,
  type Message,
} from './use-conversations';

const MAX_LENGTH = 4000;

function MessageItem({ message, mine, otherName }: { message: Message; mine: boolean; otherName: string }) {
  const zone = useViewerTimeZone();
  return (
    <Paper
      component="li"
      withBorder
      p="sm"
      // Mine on the right with a coloured edge (a tinted background would dim the grey text below AA contrast).
      style={mine ? { borderRight: '4px solid var(--mantine-color-indigo-6)' } : undefined}
      ml={mine ? { base: 'lg', sm: 80 } : 0}
      mr={mine ? 0 : { base: 'lg', sm: 80 }}
    >
      <Text size="xs" c="dimmed">
        <Text span fw={600} c="dark">
          {mine ? 'You' : otherName}
        </Text>{' '}
        · {formatDateTime(message.createdAt, zone)}
      </Text>
      <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{message.body}</Text>
    </Paper>
  );
}

function Composer({ conversation }: { conversation: Conversation }) {
  const [body, setBody] = useState('');
  const send = useSendMessage(conversation.id);
  const errors = formErrors(send.error, ['body']);
  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    if (body.trim() === '' || send.isPending) return;
    send.mutate(body, { onSuccess: () => setBody('') });
  };
  // Ctrl+Enter (⌘+Enter) sends; a plain Enter keeps its meaning of a new line.
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) submit();
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="xs">
        <Textarea
          label="Message"
          description="Ctrl+Enter sends."
          autosize
          minRows={2}
          maxRows={10}
          maxLength={MAX_LENGTH}
          value={body}
          onChange={(e) => setBody(e.currentTarget.value)}
          onKeyDown={onKeyDown}
          error={errors.field('body')}
        />
        <FormAlert messages={errors.general} />
        <div>
          <Button type="submit" loading={send.isPending} disabled={body.trim() === ''}>
            Send
          </Button>
        </div>
      </Stack>
    </form>
  );
}

function Thread({ conversation, myId }: { conversation: Conversation; myId: string }) {
  const messages = useMessages(conversation.id);
  const markRead = useMarkRead(conversation.id);
  const list = messages.data ? oldestFirst(messages.data.pages) : [];
  const newestIncoming = list.findLast((m) => m.authorId !== myId);
  const otherName = conversation.with.displayName;

  // Read on view, and again whenever a new message from the other party arrives while it is on screen.
  const { mutate: read } = markRead;
  useEffect(() => {
    if (messages.isSuccess) read();
  }, [read, messages.isSuccess, newestIncoming?.id]);

  // Screen readers hear what arrives through polling, not what was already there when the page opened.
  const [announcement, setAnnouncement] = useState('');
  const seen = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (!newestIncoming) return;
    if (seen.current !== undefined && seen.current !== newestIncoming.id) {
      setAnnouncement(`New message from ${otherName}: ${newestIncoming.body}`);
    }
    seen.current = newestIncoming.id;
  }, [newestIncoming, otherName]);

  if (messages.isPending) return <Loading label="Loading messages…" />;
  if (messages.isError) return <QueryError error={messages.error} />;
  return (
    <Stack gap="sm">
      {messages.hasNextPage && (
        <div>
          <Button
            variant="default"
            size="xs"
            onClick={() => void messages.fetchNextPage()}
            loading={messages.isFetchingNextPage}
          >
            Load earlier
          </Button>
        </div>
      )}
      {list.length === 0 ? (
        <Text c="dimmed">No messages yet.</Text>
      ) : (
        <Stack component="ol" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Messages, oldest first">
          {list.map((message) => (
            <MessageItem key={message.id} message={message} mine={message.authorId === myId} otherName={otherName} />
          ))}
        </Stack>
      )}
      <VisuallyHidden role="status" aria-live="polite">
        {announcement}
      </VisuallyHidden>
    </Stack>
  );
}

export function ConversationPage() {
  const { id = '' } = useParams();
  const me = useMe();
  const conversation = useConversation(id);
  if (conversation.isError) {
    return (
      <>
        <PageHeading>Conversation not found</PageHeading>
        <QueryError error={conversation.error} />
      </>
    );
  }
  if (conversation.isPending || me.isPending) return <Loading />;
  const c = conversation.data;
  const name = c.with.displayName;
  return (
    <>
      <PageHeading>{`Conversation with ${name}`}</PageHeading>
      <Stack maw={720}>
        <Group gap="md" wrap="wrap">
          <Anchor component={Link} to="/messages" size="sm">
            All messages
          </Anchor>
          <Anchor component={Link} to={`/people/${c.with.id}`} size="sm">
            {name}’s profile
          </Anchor>
          {c.mentorshipId && (
            <Anchor component={Link} to={`/mentorships/${c.mentorshipId}`} size="sm">
              Your mentorship
            </Anchor>
          )}
        </Group>
        <Thread conversation={c} myId={me.data?.id ?? ''} />
        {c.open ? (
          <Composer conversation={c} />
        ) : (
          <Alert variant="outline" color="gray" title="Read-only" role="status">
            This conversation is closed, so you can read it but not write: a conversation stays open while a request is
            pending or a mentorship is active, and neither of you has blocked the other. A new mentorship request
            between you two reopens it.
          </Alert>
        )}
      </Stack>
    </>
  );
}
