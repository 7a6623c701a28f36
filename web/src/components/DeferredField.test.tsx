import { MantineProvider, TextInput } from '@mantine/core';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { DeferredField, deferredWidget } from './DeferredField';

/** A widget whose code arrives when the test says so. */
function controlledWidget() {
  let arrive: () => void = () => {};
  const arrived = new Promise<void>((resolve) => (arrive = resolve));
  let loads = 0;
  const widget = deferredWidget(async () => {
    loads += 1;
    await arrived;
    return {
      default: ({ autoFocus }: { autoFocus: boolean }) => (
        <TextInput label="Skill" placeholder="the widget" autoFocus={autoFocus} />
      ),
    };
  });
  return {
    widget,
    arrive: () =>
      act(async () => {
        arrive();
        await arrived;
      }),
    loads: () => loads,
  };
}

function Field({ load, widget }: { load: boolean; widget: ReturnType<typeof controlledWidget>['widget'] }) {
  return (
    <MantineProvider>
      <DeferredField load={load} preload={widget.preload} label="Skill" text="postgresql">
        {(autoFocus) => <widget.Widget autoFocus={autoFocus} />}
      </DeferredField>
    </MantineProvider>
  );
}

describe('DeferredField', () => {
  afterEach(cleanup);

  it('holds the place with a read-only box, then draws the widget once told to load', async () => {
    const { widget, arrive, loads } = controlledWidget();
    const { rerender } = render(<Field load={false} widget={widget} />);
    const stand = screen.getByRole('textbox', { name: 'Skill' });
    expect(stand).toHaveProperty('readOnly', true);
    expect(stand).toHaveProperty('value', 'postgresql');
    expect(loads()).toBe(0);

    rerender(<Field load widget={widget} />);
    await waitFor(() => expect(loads()).toBeGreaterThan(0));
    await arrive();
    await waitFor(() => expect(screen.getByPlaceholderText('the widget')).toBeTruthy());
    expect(screen.getAllByRole('textbox', { name: 'Skill' })).toHaveLength(1);
  });

  it('still draws the other widgets when the person stepped into a box while it waited for its turn', async () => {
    const first = controlledWidget();
    const second = controlledWidget();
    render(
      <MantineProvider>
        <DeferredField load preload={first.widget.preload} label="From" text="">
          {(autoFocus) => <first.widget.Widget autoFocus={autoFocus} />}
        </DeferredField>
        <DeferredField load preload={second.widget.preload} label="To" text="">
          {(autoFocus) => <second.widget.Widget autoFocus={autoFocus} />}
        </DeferredField>
      </MantineProvider>,
    );
    // Before the browser's idle moment gives the first box its turn, the person steps into it.
    fireEvent.focus(screen.getByRole('textbox', { name: 'From' }));
    await first.arrive();
    await second.arrive();
    await waitFor(() => expect(screen.getAllByPlaceholderText('the widget')).toHaveLength(2));
  });

  it('draws the widget at once, focused, when the person steps into the box first', async () => {
    const { widget, arrive } = controlledWidget();
    render(<Field load={false} widget={widget} />);
    await userEvent.click(screen.getByRole('textbox', { name: 'Skill' }));
    await arrive();
    const real = await screen.findByPlaceholderText('the widget');
    await waitFor(() => expect(document.activeElement).toBe(real));
  });
});
