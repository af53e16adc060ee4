// Colours as the browser computed them, for contrast checks (theme, forced colours).

export type Rgb = [number, number, number];

/** A CSS colour as sRGB channels and alpha, read back from the browser (any syntax the browser knows). */
export function rgba(color: string): [...Rgb, number] {
  const probe = document.createElement('span');
  probe.style.color = color;
  // Read as given: in forced colours the probe's own colour would be replaced too.
  probe.style.forcedColorAdjust = 'none';
  document.body.append(probe);
  const computed = getComputedStyle(probe).color;
  probe.remove();
  const [r, g, b, a = 1] = computed.match(/[\d.]+/g)!.map(Number);
  return [r, g, b, a];
}

/** A CSS colour as sRGB channels, its alpha left out. */
export const rgb = (color: string): Rgb => rgba(color).slice(0, 3) as Rgb;

/** WCAG 2 contrast ratio of two opaque colours. */
export function contrast(a: Rgb, b: Rgb): number {
  const luminance = ([r, g, b]: Rgb) => {
    const [R, G, B] = [r, g, b].map((c) => {
      const s = c / 255;
      return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * R + 0.7152 * G + 0.0722 * B;
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

/** `share` of `a` mixed into `b`, as `color-mix(in srgb, a share, b)` does. */
export const mix = (a: Rgb, share: number, b: Rgb): Rgb => a.map((channel, i) => channel * share + b[i] * (1 - share)) as Rgb;

/** A colour with alpha painted over an opaque one. */
export function over(color: string, below: Rgb): Rgb {
  const [r, g, b, a] = rgba(color);
  return mix([r, g, b], a, below);
}
