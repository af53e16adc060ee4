// The theming page: one interview in several brand themes, light and dark, in any shipped language.
// Each theme is a handful of design tokens; the CSS shown is generated from them and is exactly
// what the page applies, so a careers-site developer can copy it as it is.
import type { AuthorizeHook } from '../src/core/streaming-upload.js';
import type { OnewayInterview } from '../src/elements/interview/interview.js';

interface Palette {
  accent: string;
  accentContrast: string;
  surface: string;
  text: string;
  error: string;
  warning: string;
  focus: string;
  /** The careers page around the widget (not part of the copied CSS). */
  page: string;
}

interface Theme {
  id: string;
  name: string;
  tagline: string;
  font: string;
  radius: string;
  spacing: string;
  focusStyle: string;
  light: Palette;
  dark: Palette;
}

const themes: Theme[] = [
  {
    id: 'default',
    name: 'Built-in theme',
    tagline: 'No CSS at all: the page’s font, a calm blue, light or dark with the system.',
    font: 'inherit',
    radius: '0.5rem',
    spacing: '1rem',
    focusStyle: '3px solid',
    light: { accent: '#1d4ed8', accentContrast: '#ffffff', surface: '#ffffff', text: '#1f2937', error: '#b91c1c', warning: '#92400e', focus: '#1d4ed8', page: '#ffffff' },
    dark: { accent: '#93c5fd', accentContrast: '#111827', surface: '#111827', text: '#f3f4f6', error: '#fca5a5', warning: '#fcd34d', focus: '#93c5fd', page: '#111827' },
  },
  {
    id: 'northwind',
    name: 'Northwind Bank',
    tagline: 'Careers at a private bank: serif type, navy, square corners, generous space.',
    font: 'Georgia, "Times New Roman", serif',
    radius: '2px',
    spacing: '1.25rem',
    focusStyle: '3px solid',
    light: { accent: '#1e3a5f', accentContrast: '#ffffff', surface: '#f8fafc', text: '#0f172a', error: '#b42318', warning: '#8a4b08', focus: '#b45309', page: '#e2e8f0' },
    dark: { accent: '#a5c8f0', accentContrast: '#0b1726', surface: '#0b1726', text: '#e2e8f0', error: '#fda29b', warning: '#fcd34d', focus: '#fbbf24', page: '#020617' },
  },
  {
    id: 'juniper',
    name: 'Juniper Studio',
    tagline: 'A design studio: rounded everything, purple and pink, a friendly sans-serif.',
    font: '"Trebuchet MS", "Avenir Next", system-ui, sans-serif',
    radius: '1.25rem',
    spacing: '1.5rem',
    focusStyle: '4px dashed',
    light: { accent: '#7e22ce', accentContrast: '#ffffff', surface: '#fdf4ff', text: '#3b0764', error: '#be123c', warning: '#9a3412', focus: '#be185d', page: '#fae8ff' },
    dark: { accent: '#e9b5ff', accentContrast: '#2e1065', surface: '#1e0b2e', text: '#fae8ff', error: '#fda4af', warning: '#fdba74', focus: '#f9a8d4', page: '#12051f' },
  },
  {
    id: 'ember',
    name: 'Ember Logistics',
    tagline: 'A logistics company: condensed type, safety orange, hard edges, dense layout.',
    font: '"Arial Narrow", "Roboto Condensed", Arial, sans-serif',
    radius: '0',
    spacing: '0.75rem',
    focusStyle: '3px solid',
    light: { accent: '#c2410c', accentContrast: '#ffffff', surface: '#fafaf9', text: '#1c1917', error: '#b91c1c', warning: '#854d0e', focus: '#1c1917', page: '#e7e5e4' },
    dark: { accent: '#fb923c', accentContrast: '#1c1917', surface: '#1c1917', text: '#fafaf9', error: '#f87171', warning: '#facc15', focus: '#fafaf9', page: '#0c0a09' },
  },
];

type Scheme = 'system' | 'light' | 'dark';

const colorTokens = (palette: Palette, focusStyle: string, scheme: 'light' | 'dark'): [string, string][] => [
  ['--oneway-color-accent', palette.accent],
  ['--oneway-color-accent-contrast', palette.accentContrast],
  ['--oneway-color-surface', palette.surface],
  ['--oneway-color-text', palette.text],
  ['--oneway-color-error', palette.error],
  ['--oneway-color-warning', palette.warning],
  ['--oneway-focus-ring', `${focusStyle} ${palette.focus}`],
  ['--oneway-color-scheme', scheme],
];

const rule = (selector: string, declarations: [string, string][], indent = '') =>
  `${indent}${selector} {\n${declarations.map(([name, value]) => `${indent}  ${name}: ${value};`).join('\n')}\n${indent}}`;

/** The theme's CSS: light and dark halves behind `prefers-color-scheme`, or one of them alone. */
function themeCss(theme: Theme, scheme: Scheme): string {
  const selector = 'oneway-interview';
  const shape: [string, string][] = [
    ['--oneway-font-family', theme.font],
    ['--oneway-radius', theme.radius],
    ['--oneway-spacing', theme.spacing],
    // The element's own box is the page's to style: here, a card in the surface colour.
    ['display', 'block'],
    ['padding', `calc(${theme.spacing} * 1.5)`],
    ['border-radius', theme.radius],
  ];
  const light = colorTokens(theme.light, theme.focusStyle, 'light');
  const dark = colorTokens(theme.dark, theme.focusStyle, 'dark');
  const intro =
    theme.id === 'default'
      ? '/* Nothing to add: these are the built-in values, a starting point for your own. */\n'
      : `/* ${theme.name}. No dark mode on your site? Keep the first rule only: it pins the light colours. */\n`;
  if (scheme === 'light') return intro + rule(selector, [...shape, ...light]);
  if (scheme === 'dark') return intro + rule(selector, [...shape, ...dark]);
  return `${intro}${rule(selector, [...shape, ...light])}\n@media (prefers-color-scheme: dark) {\n${rule(selector, dark, '  ')}\n}`;
}

// ---------------------------------------------------------------------------------------------
// Contrast, as WCAG 2 computes it, so the table shows whether a theme keeps text readable.

function luminance(hex: string): number {
  const channels = hex.match(/[0-9a-f]{2}/gi)!.map((pair) => parseInt(pair, 16) / 255);
  const [r, g, b] = channels.map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

const pairs: [label: string, foreground: keyof Palette, background: keyof Palette, minimum: number][] = [
  ['Text on surface', 'text', 'surface', 4.5],
  ['Button label on accent', 'accentContrast', 'accent', 4.5],
  ['Accent on surface (secondary buttons)', 'accent', 'surface', 4.5],
  ['Error on surface', 'error', 'surface', 4.5],
  ['Warning on surface', 'warning', 'surface', 4.5],
  ['Focus ring on surface', 'focus', 'surface', 3],
];

// ---------------------------------------------------------------------------------------------
// The page.

const style = document.querySelector<HTMLStyleElement>('#theme-style')!;
const code = document.querySelector<HTMLElement>('#theme-css')!;
const page = document.querySelector<HTMLElement>('#careers-page')!;
const language = document.querySelector<HTMLSelectElement>('#language')!;
const themeList = document.querySelector<HTMLFieldSetElement>('#themes')!;
const contrastRows = document.querySelector<HTMLElement>('#contrast')!;
const copyStatus = document.querySelector<HTMLElement>('#copy-status')!;
const systemDark = matchMedia('(prefers-color-scheme: dark)');

for (const [index, theme] of themes.entries()) {
  const label = document.createElement('label');
  const input = Object.assign(document.createElement('input'), { type: 'radio', name: 'theme', value: theme.id, checked: index === 0 });
  label.append(input, ` ${theme.name}`);
  themeList.append(label);
}

const chosen = <T extends string>(name: string) => document.querySelector<HTMLInputElement>(`input[name="${name}"]:checked`)!.value as T;

function apply(): void {
  const theme = themes.find((candidate) => candidate.id === chosen('theme'))!;
  const scheme = chosen<Scheme>('scheme');
  const dark = scheme === 'dark' || (scheme === 'system' && systemDark.matches);
  // The built-in theme follows the system by itself; every forced choice and every brand theme is CSS.
  style.textContent = theme.id === 'default' && scheme === 'system' ? '' : themeCss(theme, scheme);
  code.textContent = themeCss(theme, 'system');
  document.body.dataset.scheme = dark ? 'dark' : 'light';
  const palette = dark ? theme.dark : theme.light;
  page.style.background = palette.page;
  page.style.color = palette.text;
  page.style.fontFamily = theme.font === 'inherit' ? '' : theme.font;
  document.querySelector('#brand-name')!.textContent = theme.name;
  document.querySelector('#brand-tagline')!.textContent = theme.tagline;
  contrastRows.replaceChildren(
    ...pairs.map(([label, foreground, background, minimum]) => {
      const row = document.createElement('tr');
      const header = Object.assign(document.createElement('th'), { scope: 'row', textContent: label });
      row.append(
        header,
        ...[theme.light, theme.dark].map((colors) => {
          const ratio = contrast(colors[foreground], colors[background]);
          const cell = Object.assign(document.createElement('td'), { textContent: `${ratio.toFixed(1)}:1${ratio < minimum ? ' (too low)' : ''}` });
          if (ratio < minimum) cell.className = 'fail';
          return cell;
        }),
      );
      return row;
    }),
  );
}

function applyLanguage(): void {
  page.lang = language.value;
  // The host page mirrors for Arabic too; the elements set their own direction from the language.
  page.dir = language.value === 'ar' ? 'rtl' : 'ltr';
}

document.querySelector('form')!.addEventListener('change', (event) => {
  if (event.target === language) applyLanguage();
  else apply();
});
systemDark.addEventListener('change', apply);
document.querySelector('#copy')!.addEventListener('click', async () => {
  try {
    await navigator.clipboard.writeText(code.textContent ?? '');
    copyStatus.textContent = 'Copied.';
  } catch {
    getSelection()?.selectAllChildren(code);
    copyStatus.textContent = 'Selected: press Ctrl+C (⌘C on a Mac) to copy.';
  }
});
apply();
applyLanguage();

// Answers go to the demo receiver, which wants the candidate's upload token on every request.
let token: { token: string; expiresAt: number } | undefined;
const authorize: AuthorizeHook = async ({ refresh }) => {
  if (refresh || !token || token.expiresAt - Date.now() < 60_000) {
    const response = await fetch('/demo-api/token?candidate=theming-demo', { method: 'POST' });
    if (!response.ok) throw new Error(`The token request failed with ${response.status}.`);
    token = (await response.json()) as { token: string; expiresAt: number };
  }
  return { Authorization: `Bearer ${token.token}` };
};
document.querySelector<OnewayInterview>('oneway-interview')!.authorize = authorize;
