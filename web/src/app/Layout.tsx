import { Anchor, Button, Container } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Suspense, type ReactNode } from 'react';
import { Link, NavLink, Outlet, useNavigation } from 'react-router';
import { api, session } from '../api/client';
import { unwrap } from '../api/problem';
import { Loading } from '../components/Loading';
import { useMe, useSessionStatus } from '../features/auth/use-auth';
import { unreadCountKey } from '../features/notifications/unread-count';
import { useNotificationStream } from '../features/notifications/use-notification-stream';
import classes from './Layout.module.css';

function MainNav() {
  const me = useMe();
  // Mounted with the signed-in navigation: one stream per tab, closed on sign-out.
  useNotificationStream();
  const roles = me.data?.roles ?? [];
  const unread = useQuery({
    queryKey: unreadCountKey,
    queryFn: () => unwrap(api.GET('/v1/notifications/unread-count')),
    refetchInterval: 30_000,
  });
  const count = unread.data?.count ?? 0;
  const links: { to: string; label: string; name?: string; end?: boolean }[] = [
    { to: '/', label: 'Home', end: true },
    { to: '/mentors', label: 'Mentors' },
    { to: '/meetups', label: 'Meetups' },
    { to: '/mentorships', label: 'Mentorships' },
    { to: '/requests', label: 'Requests' },
    { to: '/messages', label: 'Messages' },
    {
      to: '/inbox',
      label: count > 0 ? `Notifications (${count})` : 'Notifications',
      name: count > 0 ? `Notifications (${count} unread)` : undefined,
    },
    { to: '/settings/profile', label: 'Settings' },
  ];
  if (roles.includes('organizer')) links.push({ to: '/programs', label: 'Programs' });
  if (roles.includes('admin')) links.push({ to: '/admin/reports', label: 'Reports' });
  return (
    <nav aria-label="Main" className={classes.nav}>
      <ul className={classes.navList}>
        {links.map((link) => (
          <li key={link.to}>
            <Anchor
              component={NavLink}
              to={link.to}
              end={link.end}
              aria-label={link.name}
              className={classes.navLink}
              underline="hover"
            >
              {link.label}
            </Anchor>
          </li>
        ))}
        <li>
          <Button variant="subtle" size="compact-sm" px={0} onClick={() => void session.signOut()}>
            Sign out
          </Button>
        </li>
      </ul>
    </nav>
  );
}

/**
 * The site header: the same markup as the one index.html paints before the app runs (global.css), so nothing
 * moves when the app takes over; also drawn while the first page's code loads (the router's HydrateFallback).
 */
export function SiteHeader({ children }: { children?: ReactNode }) {
  return (
    <header className="app-header">
      <div className="app-header-inner">
        <Link to="/" className="app-brand mantine-focus-auto">
          Guildhall
        </Link>
        {children}
      </div>
    </header>
  );
}

export function Layout() {
  const status = useSessionStatus();
  const navigation = useNavigation();
  return (
    <>
      <a href="#main" className={classes.skip}>
        Skip to content
      </a>
      <SiteHeader>{status === 'signed-in' && <MainNav />}</SiteHeader>
      <Container size="lg" component="main" id="main" className={classes.main} aria-busy={navigation.state !== 'idle'}>
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </Container>
    </>
  );
}
