import './app/mantine-styles';
import '@mantine/notifications/styles.css';
import './app/global.css';
import { notifications } from '@mantine/notifications';
import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { session } from './api/client';
import { App } from './app/App';
import { queryClient } from './app/query-client';
import { router } from './app/router';
import { warmUpDateFormats } from './lib/time';

// Signed out here or in another tab: drop every cached answer and leave private pages. A deleted account has
// nothing to sign in to any more, so it lands on the public home page with a word about what happened.
session.onSignedOut((reason) => {
  queryClient.clear();
  if (reason === 'account-deleted') {
    notifications.show({
      color: 'teal',
      title: 'Account deleted',
      message: 'Your account and everything stored about you are gone. You are signed out.',
      autoClose: false,
    });
    void router.navigate('/', { replace: true });
    return;
  }
  void router.navigate('/login');
});

// Silent sign-in from the refresh cookie; pages for members wait for it.
void session.refresh();
warmUpDateFormats();

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');
// As a transition, the first render yields to the browser every few milliseconds instead of holding the main
// thread until the whole page is built: a tap or a keypress during load is answered, and no long task forms.
startTransition(() => {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
});
