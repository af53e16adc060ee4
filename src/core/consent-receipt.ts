// What a candidate accepted, and when: the host's evidence for notice-and-consent laws (e.g.
// Illinois' AI Video Interview Act). The consent text itself is not repeated, only its SHA-256,
// so the host can prove which wording was shown without storing it per candidate.
import { Sha256 } from './sha256.js';

export interface ConsentReceipt {
  interviewId: string;
  candidate: string;
  /** Hex SHA-256 of the consent text as UTF-8. */
  textSha256: string;
  /** ISO 8601, UTC. */
  acceptedAt: string;
  /** The language the widget showed its own words in. */
  locale: string;
  /** With a second consent (`aiConsent`): whether the candidate ticked it. */
  ai?: boolean;
  /** With a second consent: hex SHA-256 of its text as UTF-8. */
  aiTextSha256?: string;
}

/** Hex SHA-256 of `text` as UTF-8. */
export function textSha256(text: string): string {
  return new Sha256().update(new TextEncoder().encode(text)).hex();
}

export function consentReceipt(options: {
  interviewId: string;
  candidate: string;
  consent: string;
  aiConsent?: string;
  ai: boolean;
  locale: string;
  now: Date;
}): ConsentReceipt {
  const receipt: ConsentReceipt = {
    interviewId: options.interviewId,
    candidate: options.candidate,
    textSha256: textSha256(options.consent),
    acceptedAt: options.now.toISOString(),
    locale: options.locale,
  };
  if (options.aiConsent !== undefined) {
    receipt.ai = options.ai;
    receipt.aiTextSha256 = textSha256(options.aiConsent);
  }
  return receipt;
}
