import { Notifications } from '@mantine/notifications';

/** Mantine's notification container, in a chunk of its own (see AppNotifications). */
export default function NotificationsContainer() {
  return <Notifications position="top-right" />;
}
