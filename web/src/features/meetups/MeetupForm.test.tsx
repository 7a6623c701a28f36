import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api/problem';
import { MeetupForm, type MeetupBody } from './MeetupForm';
import type { Meetup } from './use-meetups';

const meetup: Meetup = {
  id: '5b0c4c6e-4f0e-4a8e-9a55-0d4c0f1a2b3c',
  organizerId: '6c1d5d7f-5f1f-4b9f-8b66-1e5d1f2b3c4d',
  title: 'Index clinic',
  description: 'Bring a slow query.',
  startsAt: '2027-03-28T16:00:00.000Z',
  endsAt: '2027-03-28T18:00:00.000Z',
  timezone: 'Europe/Berlin',
  online: true,
  onlineUrl: 'https://meet.example.test/clinic',
  venue: null,
  capacity: 10,
  skills: [],
  level: null,
  status: 'scheduled',
  goingCount: 4,
  waitlistCount: 0,
};

function renderForm(props: Partial<Parameters<typeof MeetupForm>[0]> = {}) {
  const onSubmit = vi.fn<(body: MeetupBody) => void>();
  const client = new QueryClient({ defaultOptions: { queries: { retry: false, enabled: false } } });
  render(
    <MantineProvider>
      <QueryClientProvider client={client}>
        <MeetupForm
          defaultTimeZone="America/New_York"
          submitLabel="Save changes"
          pending={false}
          error={null}
          onSubmit={onSubmit}
          {...props}
        />
      </QueryClientProvider>
    </MantineProvider>,
  );
  return onSubmit;
}

// Mantine's inputs render slowly in jsdom; a busy CI box needs more than the 5 s default.
describe('MeetupForm', { timeout: 20_000 }, () => {
  afterEach(cleanup);
  beforeAll(() => {
    // matchMedia comes from web/src/test-setup.ts; the autosizing textarea also listens to document.fonts.
    if (!('fonts' in document) || !document.fonts) {
      Object.defineProperty(document, 'fonts', { configurable: true, value: new EventTarget() });
    }
  });

  it('shows an existing meetup’s times on its own zone’s clock and sends them back as the same instants', async () => {
    const onSubmit = renderForm({ meetup });
    // 16:00 UTC on 28 March 2027 is 18:00 in Berlin (summer time began that night).
    expect(screen.getByRole('textbox', { name: 'Starts' })).toHaveProperty('value', '2027-03-28 18:00');
    await userEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(onSubmit).toHaveBeenCalledTimes(1);
    expect(onSubmit.mock.calls[0][0]).toMatchObject({
      startsAt: meetup.startsAt,
      endsAt: meetup.endsAt,
      timezone: 'Europe/Berlin',
      venue: null,
      onlineUrl: 'https://meet.example.test/clinic',
    });
  });

  it('reads typed times in the form’s zone (the organizer’s by default), not the browser’s', async () => {
    const onSubmit = renderForm({ meetup: { ...meetup, timezone: 'America/New_York' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Starts' }), { target: { value: '2027-07-15 18:30' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Ends' }), { target: { value: '2027-07-15 20:30' } });
    await userEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(onSubmit.mock.calls[0][0]).toMatchObject({
      startsAt: '2027-07-15T22:30:00.000Z',
      endsAt: '2027-07-16T00:30:00.000Z',
    });
  });

  it('puts the 409 for a capacity below those going at Capacity', () => {
    const error = new ApiError(409, {
      status: 409,
      code: 'CAPACITY_BELOW_GOING',
      detail: 'capacity cannot go below the 4 members already going.',
    });
    renderForm({ meetup, error });
    const capacity = screen.getByRole('textbox', { name: 'Capacity' });
    const described = (capacity.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' ');
    expect(described).toContain('capacity cannot go below the 4 members already going.');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('asks for a city when the meetup is in person', async () => {
    const onSubmit = renderForm({ meetup: { ...meetup, online: false, onlineUrl: null } });
    await userEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(onSubmit).not.toHaveBeenCalled();
    expect(screen.getByText('Choose the city from the list')).toBeTruthy();
  });
});
