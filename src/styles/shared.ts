import { css, html } from 'lit';

/**
 * What every element shares: the content root (which carries `lang` and `dir`), the focus ring,
 * buttons, form fields, error boxes, the screen-reader-only text, forced colours and reduced motion.
 * Include after `tokens`: `static styles = [tokens, base, ownStyles]`.
 */
export const base = css`
  :host([hidden]) {
    display: none !important;
  }
  [part~='root'] {
    display: block;
  }
  :focus-visible {
    outline: var(--_focus-ring);
    outline-offset: 2px;
  }
  button {
    font: inherit;
    min-block-size: 2.75rem;
    padding-block: 0.5rem;
    padding-inline: 1rem;
    border-radius: var(--_radius);
    border: 2px solid var(--_accent);
    background: var(--_accent);
    color: var(--_accent-contrast);
    cursor: pointer;
  }
  button.secondary,
  button[data-secondary] {
    background: transparent;
    color: var(--_accent);
  }
  button:disabled {
    opacity: 0.6;
    cursor: default;
  }
  select,
  textarea,
  input:not([type='checkbox']) {
    font: inherit;
    min-block-size: 2.75rem;
    box-sizing: border-box;
    padding-block: 0.375rem;
    padding-inline: 0.5rem;
    border-radius: var(--_radius);
    border: 1px solid currentColor;
    background: var(--_surface);
    color: var(--_text);
    min-inline-size: 0;
  }
  input[type='checkbox'] {
    accent-color: var(--_accent);
    inline-size: 1.25rem;
    block-size: 1.25rem;
    margin: 0;
  }
  [part~='error'],
  [part~='problems'] {
    padding: 0.75rem;
    border-radius: var(--_radius);
    border: 2px solid var(--_error);
    background: color-mix(in srgb, var(--_error) 10%, var(--_surface));
    color: var(--_text);
  }
  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  @media (forced-colors: active) {
    button {
      border-color: ButtonText;
    }
    button:disabled {
      border-color: GrayText;
      color: GrayText;
      opacity: 1;
    }
    [part~='error'],
    [part~='problems'] {
      border-color: CanvasText;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    *,
    ::before,
    ::after {
      transition-duration: 0s !important;
      animation-duration: 0s !important;
      animation-iteration-count: 1 !important;
    }
  }
`;

/**
 * The camera stage and its mirrored preview (recorder and device check): the container's width in
 * the camera picture's own shape (16:9 until it is known; see `matchCameraShape`), never taller
 * than most of the screen. The whole picture is shown, letterboxed where the stage cannot take its
 * shape, so the candidate sees exactly what is recorded.
 */
export const stage = css`
  [part~='stage'] {
    position: relative;
    inline-size: 100%;
    aspect-ratio: var(--oneway-stage-aspect-ratio, var(--_camera-ratio, 16 / 9));
    max-block-size: 80vh;
    max-block-size: 80svh;
    background: #111;
    border-radius: var(--_radius);
    overflow: hidden;
  }
  [part~='preview'] {
    display: block;
    inline-size: 100%;
    block-size: 100%;
    object-fit: contain;
    /* A mirror image is what people expect to see of themselves, in any writing direction. */
    transform: scaleX(-1);
  }
`;

/** The mirrored, muted camera preview that goes in a stage, in the picture's own shape. */
export const cameraPreview = (label: string) =>
  html`<video part="preview" aria-label=${label} autoplay muted playsinline @loadedmetadata=${matchCameraShape} @resize=${matchCameraShape}></video>`;

/**
 * Gives the stage around a camera preview the picture's own shape (a phone held upright films
 * upright): `<video @loadedmetadata=${matchCameraShape} @resize=${matchCameraShape}>`. Set through
 * CSSOM, which a `style-src 'self'` policy allows.
 */
export function matchCameraShape(event: Event): void {
  const video = event.currentTarget as HTMLVideoElement;
  if (video.videoWidth > 0 && video.videoHeight > 0) {
    video.parentElement?.style.setProperty('--_camera-ratio', `${video.videoWidth} / ${video.videoHeight}`);
  }
}
