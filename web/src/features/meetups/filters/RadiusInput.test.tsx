import { MantineProvider } from '@mantine/core';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RadiusInput } from './RadiusInput';

describe('RadiusInput', () => {
  afterEach(cleanup);

  it('takes whole kilometres, passes on those in range and names the range otherwise', async () => {
    const onChange = vi.fn();
    render(
      <MantineProvider>
        <RadiusInput value={null} onChange={onChange} />
      </MantineProvider>,
    );
    const box = screen.getByRole('textbox', { name: 'Radius (km)' });
    await userEvent.type(box, '2a5');
    expect(box).toHaveProperty('value', '25');
    expect(onChange).toHaveBeenLastCalledWith(25);

    await userEvent.type(box, '00000');
    expect(screen.getByText('From 1 to 20000 km')).toBeTruthy();
    expect(onChange).not.toHaveBeenCalledWith(2500000);

    await userEvent.clear(box);
    expect(onChange).toHaveBeenLastCalledWith(null);
  });
});
