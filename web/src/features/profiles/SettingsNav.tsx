import { Anchor, Group } from '@mantine/core';
import { NavLink } from 'react-router';
import { useHasRole } from '../auth/use-auth';

/** The settings pages, one after the other. */
export function SettingsNav() {
  const isMentor = useHasRole('mentor');
  const links = [
    { to: '/settings/profile', label: 'Profile' },
    { to: '/settings/skills', label: 'Skills' },
    { to: '/settings/goals', label: 'Goals' },
    ...(isMentor ? [{ to: '/settings/mentoring', label: 'Mentoring' }] : []),
    { to: '/settings/notifications', label: 'Notifications' },
    { to: '/settings/account', label: 'Account' },
  ];
  return (
    <nav aria-label="Settings">
      <Group gap="md" mb="lg" wrap="wrap">
        {links.map((link) => (
          <Anchor
            key={link.to}
            component={NavLink}
            to={link.to}
            fw={500}
            style={{ textUnderlineOffset: 4 }}
            underline="hover"
          >
            {link.label}
          </Anchor>
        ))}
      </Group>
    </nav>
  );
}
