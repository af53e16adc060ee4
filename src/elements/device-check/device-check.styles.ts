import { css } from 'lit';
import { base, stage } from '../../styles/shared.js';
import { tokens } from '../../styles/tokens.js';

const own = css`
  :host {
    display: block;
  }
  [part='title'] {
    margin-block: 0 0.75rem;
    font-size: 1.25rem;
    line-height: 1.25;
  }
  [part='devices'] {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
    margin-block-start: 0.75rem;
  }
  [part='camera-field'],
  [part='microphone-field'] {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
    flex: 1 1 14rem;
    min-inline-size: 0;
  }
  [part='advice'] {
    margin-block: 0.75rem;
  }
  [part='advice'] p {
    margin-block: 0.5rem;
  }
  [part='microphone'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25rem 0.75rem;
  }
  [part='microphone'] p {
    flex-basis: 100%;
  }
  [part='level-meter'] {
    flex: 1 1 10rem;
    block-size: 1rem;
    accent-color: var(--_accent);
  }
  .warning {
    color: var(--_warning);
    font-weight: 600;
  }
  [part='audio-only'] {
    display: flex;
    align-items: center;
    gap: 0.5rem;
  }
  [part='permission-hint'] {
    padding: 0.75rem;
    border-radius: var(--_radius);
    border: 2px solid var(--_warning);
    background: color-mix(in srgb, var(--_warning) 10%, var(--_surface));
  }
  [part='help-steps'] {
    padding-inline-start: 1.5rem;
  }
  [part='help-steps'] li + li {
    margin-block-start: 0.25rem;
  }
  [part='link-row'] {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    margin-block: 0.75rem;
  }
  [part='page-link'] {
    flex: 1 1 16rem;
  }
  @media (forced-colors: active) {
    .warning {
      color: CanvasText;
    }
    [part='permission-hint'] {
      border-color: CanvasText;
    }
  }
`;

export const deviceCheckStyles = [tokens, base, stage, own];
