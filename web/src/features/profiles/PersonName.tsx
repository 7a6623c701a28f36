import { Anchor } from '@mantine/core';
import { Link } from 'react-router';
import { useProfile } from './use-profile';

/** The person's display name (a link to their page unless `plain`). */
export function PersonName({ id, plain = false }: { id: string; plain?: boolean }) {
  const profile = useProfile(id);
  const name = profile.data?.displayName ?? (profile.isError ? 'A former member' : '…');
  if (plain || !profile.data) return <>{name}</>;
  return (
    <Anchor component={Link} to={`/people/${id}`}>
      {name}
    </Anchor>
  );
}
