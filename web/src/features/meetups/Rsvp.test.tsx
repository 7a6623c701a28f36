import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Meetup } from './use-meetups';

const { POST } = vi.hoisted(() => ({ POST: vi.fn() }));
vi.mock('../../api/client', () => ({ api: { POST } }));
vi.mock('../profiles/use-skills', () => ({ useSkillNames: () => (slug: string) => slug }));

const { Rsvp } = await import('./Rsvp');

const meetup: Meetup = {
  id: '7c4a0d8f-9b1e-4dcf-8ad7-e8f9a0b1c2d3',
  organizerId: '8d5b1e9a-0c2f-4ed0-9be8-f9a0b1c2d3e4',
  title: 'Index clinic',
  description: '',
  startsAt: '2027-03-28T16:00:00.000Z',
  endsAt: '2027-03-28T18:00:00.000Z',
  timezone: 'Europe/Berlin',
  online: false,
  onlineUrl: null,
  venue: null,
  capacity: 10,
  skills: [],
  level: null,
  status: 'scheduled',
  goingCount: 0,
  waitlistCount: 0,
  myRsvp: null,
};

describe('Rsvp', { timeout: 20_000 }, () => {
  afterEach(cleanup);

  it('sends answers one at a time, in the order they were picked, and keeps showing the last one', async () => {
    const answers: { status: string; resolve: () => void }[] = [];
    POST.mockImplementation(
      (_path: string, init: { body: { status: string } }) =>
        new Promise((resolve) => {
          const status = init.body.status;
          answers.push({
            status,
            resolve: () => resolve({ data: { status, waitlistPosition: null }, response: { ok: true, status: 200 } }),
          });
        }),
    );
    render(
      <MantineProvider>
        <QueryClientProvider client={new QueryClient()}>
          <Rsvp meetup={meetup} closed={false} />
        </QueryClientProvider>
      </MantineProvider>,
    );
    await userEvent.click(screen.getByRole('radio', { name: 'Going' }));
    await userEvent.click(screen.getByRole('radio', { name: 'Not going' }));
    await waitFor(() => expect(POST).toHaveBeenCalledTimes(1));
    // The second answer waits for the first: sent together they could arrive in either order.
    await new Promise((r) => setTimeout(r, 50));
    expect(answers.map((a) => a.status)).toEqual(['going']);
    answers[0].resolve();
    await waitFor(() => expect(answers.map((a) => a.status)).toEqual(['going', 'not_going']));
    // While the last pick is on its way, the first one's answer does not spring the radio back.
    expect(screen.getByRole('radio', { name: 'Not going' })).toHaveProperty('checked', true);
    answers[1].resolve();
    await waitFor(() => expect(POST).toHaveBeenCalledTimes(2));
  });
});
