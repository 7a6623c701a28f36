import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Member, Membership, Program } from './use-programs';

const { GET, PATCH } = vi.hoisted(() => ({ GET: vi.fn(), PATCH: vi.fn() }));
vi.mock('../../api/client', () => ({ api: { GET, PATCH } }));

const { RankingEditor } = await import('./RankingEditor');

const ok = (data: unknown) => ({ data, response: { ok: true, status: 200 } });

const program: Program = {
  id: '0b7f3c1e-2a4d-4c5e-8f60-718293a4b5c6',
  organizerId: '1c8a4d2f-3b5e-4d6f-9a71-8293a4b5c6d7',
  name: 'Spring cohort',
  description: null,
  mode: 'stable',
  status: 'open',
  createdAt: '2026-11-01T10:00:00.000Z',
  publishedAt: null,
};

const person = (n: number, displayName: string): Member => ({
  profileId: `2d9b5e3a-4c6f-4e7a-8b82-93a4b5c6d7e${n}`,
  displayName,
  side: 'mentor',
  capacity: 2,
  joinedAt: '2026-11-02T10:00:00.000Z',
});
const others = [person(1, 'Ada'), person(2, 'Grace'), person(3, 'Linus')];

const membership: Membership = {
  programId: program.id,
  profileId: '3e0c6f4b-5d7a-4f8b-9c93-a4b5c6d7e8f9',
  as: 'learner',
  capacity: null,
  preferences: [],
  joinedAt: '2026-11-03T10:00:00.000Z',
};

describe('RankingEditor', { timeout: 20_000 }, () => {
  afterEach(cleanup);

  it('moves the focus with the person moved, and leaves it on "Save ranking" once saved', async () => {
    GET.mockResolvedValue(ok({ items: others }));
    PATCH.mockImplementation(() =>
      Promise.resolve(ok({ ...membership, preferences: [others[1], others[0], others[2]].map((o) => o.profileId) })),
    );
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    render(
      <MantineProvider>
        <QueryClientProvider client={client}>
          <RankingEditor program={program} membership={membership} />
        </QueryClientProvider>
      </MantineProvider>,
    );
    const ranking = await screen.findByRole('list', { name: 'Your ranking' });
    const [adaDown] = screen.getAllByRole('button', { name: 'Move down' });
    await userEvent.click(adaDown);
    // Ada is now second: focus followed her to her own "Move down".
    await waitFor(() => expect(ranking.children[1].textContent).toContain('Ada'));
    expect(ranking.children[1].contains(document.activeElement)).toBe(true);

    const save = screen.getByRole('button', { name: 'Save ranking' });
    await userEvent.click(save);
    await waitFor(() => expect(screen.queryByText('Not saved yet')).toBeNull());
    expect(PATCH).toHaveBeenCalledTimes(1);
    // The list re-rendered from the saved state; the focus must not jump back to Ada's buttons.
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Save ranking' }));
  });
});
