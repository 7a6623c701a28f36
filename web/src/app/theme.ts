import { createTheme, darken, type CSSVariablesResolver } from '@mantine/core';

// Labels stay exactly what they say ("Password", not "Password *"): forms mark nothing as optional-or-required
// visually; the inputs still carry `required` for assistive technology, and the API names what is missing.
const plainLabel = { defaultProps: { withAsterisk: false } };

// Comboboxes keep their closed option list in the DOM by default, labelled by the input's label: a second
// element answering to "Time zone" for anyone (or any test) looking the field up by its label.
const unmountClosedList = { defaultProps: { withAsterisk: false, comboboxProps: { keepMounted: false } } };

// Components are configured by name, not with Component.extend(): importing them here would pull every one
// of them (Select, MultiSelect and their popovers) into the first load of every page.
export const theme = createTheme({
  primaryColor: 'indigo',
  // Shade 7 keeps white text on filled buttons above 4.5:1 contrast.
  primaryShade: 7,
  defaultRadius: 'md',
  // Someone who asked their system for less motion gets dialogs and menus without the fade and slide.
  respectReducedMotion: true,
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  components: {
    // Links inside text must not rely on colour alone (WCAG 1.4.1); navigation lists opt out.
    Anchor: { defaultProps: { underline: 'always' } },
    // Filled badges put white on mid-tone colours (teal, blue, gray: under 4.5:1); light ones pass with the
    // darkened light-variant text colours set in the resolver below.
    Badge: { defaultProps: { variant: 'light' } },
    TextInput: plainLabel,
    PasswordInput: {
      defaultProps: {
        withAsterisk: false,
        // Its default name, "Toggle password visibility", would make every getByLabel('Password') ambiguous.
        visibilityToggleButtonProps: { 'aria-label': 'Show or hide what you typed' },
      },
    },
    Textarea: plainLabel,
    // Notifications (notifications.show) have a close button whose only content is an icon: name it.
    Notification: { defaultProps: { closeButtonProps: { 'aria-label': 'Dismiss' } } },
    // The calendar's previous/next arrows are icons only: named, or axe finds nameless buttons while it is open.
    DateInput: {
      defaultProps: {
        withAsterisk: false,
        ariaLabels: {
          previousMonth: 'Previous month',
          nextMonth: 'Next month',
          previousYear: 'Previous year',
          nextYear: 'Next year',
          previousDecade: 'Previous decade',
          nextDecade: 'Next decade',
          monthLevelControl: 'Choose a month',
          yearLevelControl: 'Choose a year',
        },
      },
    },
    Select: unmountClosedList,
    MultiSelect: unmountClosedList,
  },
});

/**
 * Colour fixes for WCAG AA (4.5:1): Mantine's "dimmed" text (gray 6) and the text of light badges and alerts
 * (shade 6 on a pale fill) fall short: darker text (shade 9) on the palest fill (shade 0) passes, except for
 * orange (4.0:1 even so), whose text is darkened a quarter more (6.3:1): the "no open slot" alert is orange.
 */
export const cssVariablesResolver: CSSVariablesResolver = (t) => {
  const light: Record<string, string> = {
    '--mantine-color-dimmed': t.colors.gray[7],
    // Field errors (their message, and the text of the input in error) are red 6 by default: 3.9:1.
    '--mantine-color-error': t.colors.red[9],
  };
  for (const color of ['teal', 'orange', 'gray', 'blue', 'indigo', 'red']) {
    light[`--mantine-color-${color}-light-color`] = t.colors[color][9];
    light[`--mantine-color-${color}-light`] = t.colors[color][0];
  }
  light['--mantine-color-orange-light-color'] = darken(t.colors.orange[9], 0.25);
  return { variables: {}, light, dark: {} };
};
