import type { ComponentType } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { Layout } from './Layout';
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
    children: [
      { index: true, lazy: page(() => import('../features/auth/HomePage'), 'HomePage') },
      { path: 'register', lazy: page(() => import('../features/auth/RegisterPage'), 'RegisterPage') },
      { path: 'login', lazy: page(() => import('../features/auth/LoginPage'), 'LoginPage') },
      { path: 'meetups', lazy: page(() => import('../features/meetups/MeetupsPage'), 'MeetupsPage') },
      { path: 'meetups/:id', lazy: page(() => import('../features/meetups/MeetupPage'), 'MeetupPage') },
      {
        Component: RequireAuth,
        children: [
          { path: 'settings/profile', lazy: page(() => import('../features/profiles/ProfilePage'), 'ProfilePage') },
          { path: 'settings/skills', lazy: page(() => import('../features/profiles/SkillsPage'), 'SkillsPage') },
          { path: 'settings/goals', lazy: page(() => import('../features/profiles/GoalsPage'), 'GoalsPage') },
          {
            path: 'settings/mentoring',
            lazy: page(() => import('../features/profiles/MentoringPage'), 'MentoringPage'),
          },
          { path: 'people/:id', lazy: page(() => import('../features/profiles/PersonPage'), 'PersonPage') },
          {
            path: 'suggestions',
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
          { path: 'programs', lazy: page(() => import('../features/programs/ProgramsPage'), 'ProgramsPage') },
          { path: 'admin/reports', lazy: page(() => import('../features/admin/ReportsPage'), 'ReportsPage') },
        ],
      },
      { path: '*', lazy: page(() => import('./NotFoundPage'), 'NotFoundPage') },
    ],
  },
];

export const router = createBrowserRouter(routes);
