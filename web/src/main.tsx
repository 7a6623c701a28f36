import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './app/global.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { session } from './api/client';
import { App } from './app/App';
import { queryClient } from './app/query-client';
import { router } from './app/router';

// Signed out here or in another tab: drop every cached answer and leave private pages.
session.onSignedOut(() => {
  queryClient.clear();
  void router.navigate('/login');
});

// Silent sign-in from the refresh cookie; pages for members wait for it.
void session.refresh();

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
