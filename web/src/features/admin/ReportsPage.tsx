import { Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { unwrap } from '../../api/problem';
import { EmptyState } from '../../components/EmptyState';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { QueryError } from '../../components/QueryError';
import { formatDateTime } from '../../lib/time';
import { useViewerTimeZone } from '../auth/use-auth';
import { PersonName } from '../profiles/PersonName';

export function ReportsPage() {
  const zone = useViewerTimeZone();
  const reports = useQuery({ queryKey: ['admin', 'reports'], queryFn: () => unwrap(api.GET('/v1/admin/reports')) });
  return (
    <>
      <PageHeading>Reports</PageHeading>
      {reports.isPending ? (
        <Loading />
      ) : reports.isError ? (
        <QueryError error={reports.error} />
      ) : reports.data.items.length === 0 ? (
        <EmptyState title="No reports">Nobody has reported anyone. Reports members send appear here.</EmptyState>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Reporter</Table.Th>
                <Table.Th>Reported person</Table.Th>
                <Table.Th>Reason</Table.Th>
                <Table.Th>Details</Table.Th>
                <Table.Th>Date</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {reports.data.items.map((report) => (
                <Table.Tr key={report.id}>
                  <Table.Td>
                    <PersonName id={report.reporterId} />
                  </Table.Td>
                  <Table.Td>
                    <PersonName id={report.profileId} />
                  </Table.Td>
                  <Table.Td>{report.reason}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{report.details}</Text>
                  </Table.Td>
                  <Table.Td>{formatDateTime(report.createdAt, zone)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </>
  );
}
