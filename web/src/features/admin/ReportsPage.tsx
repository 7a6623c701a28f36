import { Anchor, Stack, Table, Text } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { ApiError, unwrap } from '../../api/problem';
import { EmptyState } from '../../components/EmptyState';
import { LoadMore } from '../../components/LoadMore';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { QueryError } from '../../components/QueryError';
import { formatDateTime } from '../../lib/time';
import { useMe, useViewerTimeZone } from '../auth/use-auth';

const PAGE_SIZE = 25;

function NotAllowed() {
  return (
    <>
      <PageHeading>Not allowed</PageHeading>
      <EmptyState title="Reports are for admins only">
        Your account is not an admin account, so it cannot read the reports members send. If you think it should be, ask
        an administrator.{' '}
        <Anchor component={Link} to="/">
          Go to the home page
        </Anchor>
        .
      </EmptyState>
    </>
  );
}

function ReportsTable() {
  const zone = useViewerTimeZone();
  const reports = useInfiniteQuery({
    queryKey: ['admin', 'reports'],
    queryFn: ({ pageParam }) =>
      unwrap(api.GET('/v1/admin/reports', { params: { query: { cursor: pageParam, limit: PAGE_SIZE } } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  if (reports.error instanceof ApiError && reports.error.status === 403) return <NotAllowed />;
  const items = reports.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <>
      <PageHeading>Reports</PageHeading>
      {reports.isPending ? (
        <Loading />
      ) : reports.isError ? (
        <QueryError error={reports.error} />
      ) : items.length === 0 ? (
        <EmptyState title="No reports">
          Nobody has reported anyone. When a member reports a profile, it appears here, newest first.
        </EmptyState>
      ) : (
        <Stack>
          <Table.ScrollContainer minWidth={720}>
            <Table striped verticalSpacing="sm" captionSide="top">
              <Table.Caption style={{ textAlign: 'left' }}>Reports members sent, newest first</Table.Caption>
              <Table.Thead>
                <Table.Tr style={{ whiteSpace: 'nowrap' }}>
                  <Table.Th scope="col">Reporter</Table.Th>
                  <Table.Th scope="col">Reported person</Table.Th>
                  <Table.Th scope="col">Reason</Table.Th>
                  <Table.Th scope="col">Details</Table.Th>
                  <Table.Th scope="col">Date</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((report) => (
                  <Table.Tr key={report.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/people/${report.reporterId}`}>
                        {report.reporterName}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <Anchor component={Link} to={`/people/${report.profileId}`}>
                        {report.profileName}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{report.reason}</Table.Td>
                    <Table.Td maw={360}>
                      <Text size="sm" style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-line' }}>
                        {report.details || '—'}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <time dateTime={report.createdAt}>{formatDateTime(report.createdAt, zone)}</time>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <LoadMore pages={reports} />
        </Stack>
      )}
    </>
  );
}

export function ReportsPage() {
  const me = useMe();
  if (me.isPending) return <Loading />;
  if (me.isError) return <QueryError error={me.error} />;
  return me.data.roles.includes('admin') ? <ReportsTable /> : <NotAllowed />;
}
