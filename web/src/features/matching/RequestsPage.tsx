import { Stack, Tabs } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api, type Schemas } from '../../api/client';
import { unwrap } from '../../api/problem';
import { EmptyState } from '../../components/EmptyState';
import { Loading } from '../../components/Loading';
import { LoadMore } from '../../components/LoadMore';
import { PageHeading } from '../../components/PageHeading';
import { QueryError } from '../../components/QueryError';
import { useHasRole, useMe } from '../auth/use-auth';
import { DeclineDialog } from './DeclineDialog';
import { RequestCard, type Side } from './RequestCard';

type Request = Schemas['MentorshipRequestView'];

function RequestList({ side, enabled, onDecline }: { side: Side; enabled: boolean; onDecline: (r: Request) => void }) {
  const requests = useInfiniteQuery({
    queryKey: ['mentorship-requests', side],
    queryFn: ({ pageParam }) =>
      unwrap(api.GET('/v1/mentorship-requests', { params: { query: { as: side, cursor: pageParam, limit: 20 } } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
  });
  if (!enabled) {
    return (
      <EmptyState title={side === 'learner' ? 'Only learners send requests' : 'Only mentors receive requests'}>
        {side === 'learner' ? (
          'Your account is not a learner account.'
        ) : (
          <>
            Your account is not a mentor account, so nobody can send you requests. Looking for one yourself? See{' '}
            <Link to="/mentors">Find a mentor</Link>.
          </>
        )}
      </EmptyState>
    );
  }
  if (requests.isPending) return <Loading />;
  if (requests.isError) return <QueryError error={requests.error} />;
  const items = requests.data.pages.flatMap((page) => page.items);
  if (items.length === 0) {
    return side === 'learner' ? (
      <EmptyState title="You have not sent any requests">
        Pick someone from <Link to="/suggestions">your suggestions</Link> or <Link to="/mentors">a search</Link>, then
        press “Request mentorship”.
      </EmptyState>
    ) : (
      <EmptyState title="No requests received">
        Learners find you when you accept mentees and have open slots: check your{' '}
        <Link to="/settings/mentoring">mentoring settings</Link>.
      </EmptyState>
    );
  }
  return (
    <Stack gap="sm">
      <Stack
        component="ul"
        gap="sm"
        p={0}
        m={0}
        style={{ listStyle: 'none' }}
        aria-label={side === 'learner' ? 'Requests you sent' : 'Requests you received'}
      >
        {items.map((request) => (
          <RequestCard key={request.id} request={request} side={side} onDecline={() => onDecline(request)} />
        ))}
      </Stack>
      <LoadMore pages={requests} />
    </Stack>
  );
}

export function RequestsPage() {
  const isLearner = useHasRole('learner');
  const isMentor = useHasRole('mentor');
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? (isMentor && !isLearner ? 'received' : 'sent');
  const [declining, setDeclining] = useState<Request | null>(null);
  const me = useMe();
  if (me.isPending) {
    return (
      <>
        <PageHeading>Requests</PageHeading>
        <Loading />
      </>
    );
  }
  return (
    <>
      <PageHeading>Requests</PageHeading>
      <Tabs value={tab} onChange={(value) => setParams({ tab: value ?? 'sent' }, { replace: true })}>
        <Tabs.List mb="md">
          <Tabs.Tab value="sent">Sent</Tabs.Tab>
          <Tabs.Tab value="received">Received</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="sent">
          <RequestList side="learner" enabled={isLearner} onDecline={setDeclining} />
        </Tabs.Panel>
        <Tabs.Panel value="received">
          <RequestList side="mentor" enabled={isMentor} onDecline={setDeclining} />
        </Tabs.Panel>
      </Tabs>
      <DeclineDialog request={declining} onClose={() => setDeclining(null)} />
    </>
  );
}
