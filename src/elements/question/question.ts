import { html, LitElement, nothing } from 'lit';
import { property, query } from 'lit/decorators.js';
import { formatMessage } from '../../i18n/format.js';
import { questionStyles } from './question.styles.js';

/**
 * One interview question: "Question 2 of 5", its text as a heading, and the interviewer's video
 * prompt with captions when there is one. Text is always rendered as text, never as HTML.
 *
 * @tagname oneway-question
 * @summary A question's position, text and optional video prompt.
 *
 * @slot - Extra content under the question, e.g. hints from the host.
 *
 * @csspart counter - "Question 2 of 5".
 * @csspart text - The question text (a focusable heading).
 * @csspart prompt - The interviewer's video prompt.
 *
 * @cssprop --oneway-question-font-size - Size of the question text.
 * @cssprop --oneway-color-text - Text colour.
 * @cssprop --oneway-radius - Corner radius of the video prompt.
 */
export class OnewayQuestion extends LitElement {
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
    return html`
      <p part="counter">
        ${this.practice
          ? formatMessage('question.practice')
          : formatMessage('question.counter', { n: this.index + 1, total: this.total })}
      </p>
      <h2 part="text" tabindex="-1">${this.text}</h2>
      ${this.video
        ? html`<video part="prompt" src=${this.video} controls playsinline preload="metadata" crossorigin="anonymous">
            ${this.captions ? html`<track kind="captions" src=${this.captions} srclang=${document.documentElement.lang || 'en'} label=${formatMessage('question.captions')} default />` : nothing}
          </video>`
        : nothing}
      <slot></slot>
    `;
  }
}
