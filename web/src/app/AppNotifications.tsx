import { useNotifications } from '@mantine/notifications';
import { lazy, Suspense, useState } from 'react';

// The container's code (transitions, drag to dismiss, scroll lock) is most of what every page would otherwise load
// first for something most visits never show: it loads with the first notification instead.
const NotificationsContainer = lazy(() => import('./NotificationsContainer'));

/** Where `notifications.show()` messages appear, from the first one on. */
export function AppNotifications() {
  const { notifications, queue } = useNotifications();
  const [needed, setNeeded] = useState(false);
  if (!needed && notifications.length + queue.length > 0) setNeeded(true);
  if (!needed) return null;
  return (
    <Suspense fallback={null}>
      <NotificationsContainer />
    </Suspense>
  );
}
