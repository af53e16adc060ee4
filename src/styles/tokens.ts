import { css } from 'lit';

/**
 * The design tokens every element reads, as CSS custom properties a host page sets on the
 * elements or on any ancestor (custom properties inherit into shadow roots):
 *
 * | token | what it colours or sets | light default | dark default |
 * | --- | --- | --- | --- |
 * | `--oneway-color-accent` | buttons, progress, focus ring, links | `#1d4ed8` | `#93c5fd` |
 * | `--oneway-color-accent-contrast` | text on the accent (button labels) | `#ffffff` | `#111827` |
 * | `--oneway-color-surface` | the element's background | `#ffffff` | `#111827` |
 * | `--oneway-color-text` | text | `#1f2937` | `#f3f4f6` |
 * | `--oneway-color-error` | errors and failed uploads | `#b91c1c` | `#fca5a5` |
 * | `--oneway-color-warning` | advice that needs attention | `#92400e` | `#fcd34d` |
 * | `--oneway-radius` | corner radius | `0.5rem` | |
 * | `--oneway-font-family` | font | the page's (`inherit`) | |
 * | `--oneway-spacing` | space between parts | `1rem` | |
 * | `--oneway-focus-ring` | `outline` of focused controls | `3px solid` accent | |
 * | `--oneway-color-scheme` | `color-scheme` of native controls (checkboxes, pickers, scroll bars) | `light` | `dark` |
 *
 * The dark defaults apply under `prefers-color-scheme: dark`; a token the host sets wins in both.
 * Every default text/background pair has a contrast of at least 4.5:1 (7:1 for body text).
 * Elements read the private `--_name` copies, so a token can be left unset.
 */
export const tokens = css`
  :host {
    --_accent: var(--oneway-color-accent, #1d4ed8);
    --_accent-contrast: var(--oneway-color-accent-contrast, #ffffff);
    --_surface: var(--oneway-color-surface, #ffffff);
    --_text: var(--oneway-color-text, #1f2937);
    --_error: var(--oneway-color-error, #b91c1c);
    --_warning: var(--oneway-color-warning, #92400e);
    --_radius: var(--oneway-radius, 0.5rem);
    --_space: var(--oneway-spacing, 1rem);
    --_focus-ring: var(--oneway-focus-ring, 3px solid var(--_accent));
    /* Lines and tracks: the text colour, faint on the surface, so they follow any theme. */
    --_muted: color-mix(in srgb, var(--_text) 22%, var(--_surface));
    color-scheme: var(--oneway-color-scheme, light);
    font-family: var(--oneway-font-family, inherit);
    color: var(--_text);
    background: var(--_surface);
  }
  @media (prefers-color-scheme: dark) {
    :host {
      --_accent: var(--oneway-color-accent, #93c5fd);
      --_accent-contrast: var(--oneway-color-accent-contrast, #111827);
      --_surface: var(--oneway-color-surface, #111827);
      --_text: var(--oneway-color-text, #f3f4f6);
      --_error: var(--oneway-color-error, #fca5a5);
      --_warning: var(--oneway-color-warning, #fcd34d);
      color-scheme: var(--oneway-color-scheme, dark);
    }
  }
`;
