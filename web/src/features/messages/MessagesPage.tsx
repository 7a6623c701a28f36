import { LoadMore } from '../../components/LoadMore';
import { Anchor, Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { EmptyState } from '../../components/EmptyState';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { QueryError } from '../../components/QueryError';
import { formatDateTime } from '../../lib/time';
import { useMe, useViewerTimeZone } from '../auth/use-auth';
import { useConversations, type Conversation } from './use-conversations';

function ConversationItem({ conversation, myId }: { conversation: Conversation; myId: string }) {
  const zone = useViewerTimeZone();
  const last = conversation.lastMessage;
  const unread = conversation.unreadCount;
  return (
    <Paper
      component="li"
      withBorder
      p="md"
      // A coloured edge, not a tinted background: links and dimmed text keep their contrast.
      style={unread > 0 ? { borderLeft: '4px solid var(--mantine-color-indigo-6)' } : undefined}
    >
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Anchor component={Link} to={`/messages/${conversation.id}`} fw={600}>
          {conversation.with.displayName}
        </Anchor>
        <Group gap="xs">
          {unread > 0 && <Badge>{unread === 1 ? '1 unread' : `${unread} unread`}</Badge>}
          {!conversation.open && (
            <Badge color="gray" variant="outline">
              Read-only
            </Badge>
          )}
        </Group>
      </Group>
      {last ? (
        <>
          <Text size="sm" mt={4} lineClamp={2} style={{ overflowWrap: 'anywhere' }}>
            {last.authorId === myId ? 'You: ' : `${conversation.with.displayName}: `}
            {last.body}
          </Text>
          <Text size="xs" c="dimmed">
            {formatDateTime(last.createdAt, zone)}
          </Text>
        </>
      ) : (
        <Text size="sm" c="dimmed" mt={4}>
          No messages yet.
        </Text>
      )}
    </Paper>
  );
}

export function MessagesPage() {
  const me = useMe();
  const conversations = useConversations();
  const items = conversations.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <>
      <PageHeading>Messages</PageHeading>
      {conversations.isPending || me.isPending ? (
        <Loading />
      ) : conversations.isError ? (
        <QueryError error={conversations.error} />
      ) : items.length === 0 ? (
        <EmptyState title="No conversations yet">
          A conversation starts with a mentorship request: its message is the first one, and the mentor can answer here.
          Learners: open a mentor’s page from <Link to="/mentors">Find a mentor</Link> or{' '}
          <Link to="/suggestions">your suggestions</Link> and send a request. Mentors: conversations appear when a
          learner writes to you.
        </EmptyState>
      ) : (
        <Stack maw={720}>
          <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Conversations">
            {items.map((conversation) => (
              <ConversationItem key={conversation.id} conversation={conversation} myId={me.data?.id ?? ''} />
            ))}
          </Stack>
          <LoadMore pages={conversations} />
        </Stack>
      )}
    </>
  );
}
