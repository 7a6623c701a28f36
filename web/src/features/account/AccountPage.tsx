import { Divider, Stack } from '@mantine/core';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { QueryError } from '../../components/QueryError';
import { SettingsNav } from '../profiles/SettingsNav';
import { ChangePasswordSection } from './ChangePasswordSection';
import { DataSection } from './DataSection';
import { DeleteAccountSection } from './DeleteAccountSection';
import { EmailSection } from './EmailSection';
import { useAccount } from './use-account';

export function AccountPage() {
  const account = useAccount();
  return (
    <>
      <PageHeading>Account</PageHeading>
      <SettingsNav />
      {account.isPending ? (
        <Loading />
      ) : account.isError ? (
        <QueryError error={account.error} />
      ) : (
        <Stack maw={520} gap="xl">
          <EmailSection account={account.data} />
          <Divider />
          <ChangePasswordSection />
          <Divider />
          <DataSection />
          <Divider />
          <DeleteAccountSection />
        </Stack>
      )}
    </>
  );
}
