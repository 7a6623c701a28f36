import { Anchor } from '@mantine/core';
import { Link } from 'react-router';
import { useProfile } from './use-profile';

/**
 * The person's display name (a link to their page unless `plain`). A null id is a member who deleted their
 * account (the API keeps the other party's requests and mentorships with that side null). Lists whose answer
 * already names the person pass `name`, and nothing is fetched.
 */
export function PersonName({ id, name, plain = false }: { id: string | null; name?: string | null; plain?: boolean }) {
  const profile = useProfile(name ? null : id);
  if (id === null) return <>Deleted member</>;
  const known = name ?? profile.data?.displayName;
  const shown = known ?? (profile.isError ? 'A former member' : '…');
  if (plain || !known) return <>{shown}</>;
  return (
    <Anchor component={Link} to={`/people/${id}`}>
      {shown}
    </Anchor>
  );
}
