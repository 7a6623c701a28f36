import type { ComponentType } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { session } from '../api/client';
import { meQuery } from '../features/auth/use-auth';
import { suggestionsQuery } from '../features/matching/suggestions-query';
import { prefetchMeetupSearch, viewerOf } from '../features/meetups/meetup-search';
import { meetupQuery } from '../features/meetups/use-meetups';
import { Layout, SiteHeader } from './Layout';
import { prefetchForMember } from './prefetch';
import { queryClient } from './query-client';
import { RequireAuth } from './RequireAuth';
import { RouteError } from './RouteError';

/** A route whose page is loaded on first visit: every page is its own chunk. */
function page<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K): RouteObject['lazy'] {
  return async () => ({ Component: (await load())[name] });
}

const routes: RouteObject[] = [
  {
    Component: Layout,
    ErrorBoundary: RouteError,
    // Until the first page's chunk is in, the header index.html painted stays as it is.
    HydrateFallback: () => <SiteHeader />,
    children: [
      { index: true, lazy: page(() => import('../features/auth/HomePage'), 'HomePage') },
      { path: 'register', lazy: page(() => import('../features/auth/RegisterPage'), 'RegisterPage') },
      { path: 'login', lazy: page(() => import('../features/auth/LoginPage'), 'LoginPage') },
      {
        path: 'forgot-password',
        lazy: page(() => import('../features/account/ForgotPasswordPage'), 'ForgotPasswordPage'),
      },
      {
        path: 'reset-password',
        lazy: page(() => import('../features/account/ResetPasswordPage'), 'ResetPasswordPage'),
      },
      { path: 'verify-email', lazy: page(() => import('../features/account/VerifyEmailPage'), 'VerifyEmailPage') },
      {
        path: 'meetups',
        loader: ({ request }) => {
          prefetchMeetupSearch(request.url, viewerOf(session.getStatus()), (query) => {
            void queryClient.prefetchInfiniteQuery(query);
          });
          return null;
        },
        lazy: page(() => import('../features/meetups/MeetupsPage'), 'MeetupsPage'),
      },
      {
        path: 'meetups/:id',
        loader: ({ params }) => {
          if (params.id) void queryClient.prefetchQuery(meetupQuery(params.id, viewerOf(session.getStatus())));
          return null;
        },
        lazy: page(() => import('../features/meetups/MeetupPage'), 'MeetupPage'),
      },
      {
        Component: RequireAuth,
        // Every member page's layout needs the viewer's profile (navigation by role, time zone).
        loader: prefetchForMember(() => queryClient.prefetchQuery(meQuery)),
        children: [
          { path: 'settings/profile', lazy: page(() => import('../features/profiles/ProfilePage'), 'ProfilePage') },
          { path: 'settings/skills', lazy: page(() => import('../features/profiles/SkillsPage'), 'SkillsPage') },
          { path: 'settings/goals', lazy: page(() => import('../features/profiles/GoalsPage'), 'GoalsPage') },
          {
            path: 'settings/mentoring',
            lazy: page(() => import('../features/profiles/MentoringPage'), 'MentoringPage'),
          },
          {
            path: 'settings/notifications',
            lazy: page(() => import('../features/notifications/NotificationSettingsPage'), 'NotificationSettingsPage'),
          },

          { path: 'settings/account', lazy: page(() => import('../features/account/AccountPage'), 'AccountPage') },
          { path: 'people/:id', lazy: page(() => import('../features/profiles/PersonPage'), 'PersonPage') },
          {
            path: 'suggestions',
            loader: prefetchForMember(() => queryClient.prefetchQuery(suggestionsQuery)),
            lazy: page(() => import('../features/matching/SuggestionsPage'), 'SuggestionsPage'),
          },
          { path: 'mentors', lazy: page(() => import('../features/matching/MentorsPage'), 'MentorsPage') },
          { path: 'requests', lazy: page(() => import('../features/matching/RequestsPage'), 'RequestsPage') },
          {
            path: 'mentorships',
            lazy: page(() => import('../features/matching/MentorshipsPage'), 'MentorshipsPage'),
          },
          {
            path: 'mentorships/:id',
            lazy: page(() => import('../features/matching/MentorshipPage'), 'MentorshipPage'),
          },
          { path: 'messages', lazy: page(() => import('../features/messages/MessagesPage'), 'MessagesPage') },
          {
            path: 'messages/:id',
            lazy: page(() => import('../features/messages/ConversationPage'), 'ConversationPage'),
          },
          { path: 'inbox', lazy: page(() => import('../features/notifications/InboxPage'), 'InboxPage') },
          { path: 'meetups/new', lazy: page(() => import('../features/meetups/NewMeetupPage'), 'NewMeetupPage') },
          {
            path: 'meetups/:id/edit',
            lazy: page(() => import('../features/meetups/EditMeetupPage'), 'EditMeetupPage'),
          },
          {
            path: 'meetups/:id/attendees',
            lazy: page(() => import('../features/meetups/AttendeesPage'), 'AttendeesPage'),
          },
          { path: 'programs', lazy: page(() => import('../features/programs/ProgramsPage'), 'ProgramsPage') },
          { path: 'programs/:id', lazy: page(() => import('../features/programs/ProgramPage'), 'ProgramPage') },
          { path: 'admin/reports', lazy: page(() => import('../features/admin/ReportsPage'), 'ReportsPage') },
        ],
      },
      { path: '*', lazy: page(() => import('./NotFoundPage'), 'NotFoundPage') },
    ],
  },
];

export const router = createBrowserRouter(routes);
