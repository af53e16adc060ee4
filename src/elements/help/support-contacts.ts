import { html, nothing } from 'lit';
import type { InterviewSupport } from '../../core/interview-config.js';

/**
 * The host's `support.email` and `support.url` as a list of links (nothing without either): in the
 * "Get help" dialog, and in the interview when the dialog's own code could not be fetched.
 */
export function supportContacts({ email, url }: InterviewSupport, helpPageLabel: string) {
  if (!email && !url) return nothing;
  return html`<ul part="help-contacts">
    ${email ? html`<li><a href=${`mailto:${email}`}>${email}</a></li>` : nothing}
    ${url ? html`<li><a href=${url} target="_blank" rel="noopener">${helpPageLabel}</a></li>` : nothing}
  </ul>`;
}
