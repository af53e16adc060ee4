import { html, nothing } from 'lit';
import { property, query } from 'lit/decorators.js';
import { questionStyles } from './question.styles.js';
import { OnewayElement } from '../oneway-element.js';

/**
 * One interview question: "Question 2 of 5", its text as a heading, and the interviewer's video
 * prompt with captions when there is one. Text is always rendered as text, never as HTML.
 *
 * @tagname oneway-question
 * @summary A question's position, text and optional video prompt.
 *
 * @slot - Extra content under the question, e.g. hints from the host.
 *
 * @csspart root - Everything the element shows; carries the language (`lang`) and direction (`dir`) of its text.
 * @csspart counter - "Question 2 of 5".
 * @csspart text - The question text (a focusable heading).
 * @csspart prompt - The interviewer's video prompt.
 *
 * @cssprop --oneway-question-font-size - Size of the question text (default 1.375rem).
 * @cssprop --oneway-color-surface - Background (default #ffffff; #111827 in dark mode).
 * @cssprop --oneway-color-text - Text colour (default #1f2937; #f3f4f6 in dark mode).
 * @cssprop --oneway-color-accent - Colour of the focus ring (default #1d4ed8; #93c5fd in dark mode).
 * @cssprop --oneway-font-family - Font; inherits the page's font by default.
 * @cssprop --oneway-radius - Corner radius of the video prompt (default 0.5rem).
 * @cssprop --oneway-focus-ring - Outline of the question text when it gets focus (default 3px solid in the accent colour).
 */
export class OnewayQuestion extends OnewayElement {
  static override styles = questionStyles;

  /** 0-based position of the question in the interview. */
  @property({ type: Number }) index = 0;

  /** How many questions the interview has. */
  @property({ type: Number }) total = 1;

  /** The question text. */
  @property() text = '';

  /** URL of a video of the interviewer asking the question. */
  @property() video = '';

  /** URL of WebVTT captions for the video prompt. */
  @property() captions = '';

  /** Says "Practice question" instead of the question's position. */
  @property({ type: Boolean }) practice = false;

  @query('[part="text"]') private heading!: HTMLElement;



  /** Moves focus to the question text, so screen readers read the new question. */
  async focusHeading(): Promise<void> {
    await this.updateComplete;
    this.heading?.focus();
  }

  protected override render() {
    return this.root(
      html`<p part="counter">
        ${this.practice
          ? this.i18n.t('question.practice')
          : this.i18n.t('question.counter', { n: this.index + 1, total: this.total })}
      </p>
      <!-- The host's text is in the language of the page, even where the element's own words fall back to English. -->
      <h2 part="text" tabindex="-1" lang=${this.i18n.requested} dir="auto">${this.text}</h2>
      ${this.video
        ? html`<video part="prompt" src=${this.video} controls playsinline preload="metadata" crossorigin="anonymous">
            ${this.captions ? html`<track kind="captions" src=${this.captions} srclang=${this.i18n.requested} label=${this.i18n.t('question.captions')} default />` : nothing}
          </video>`
        : nothing}
      <slot></slot>`,
    );
  }
}
