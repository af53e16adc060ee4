// Short-lived bearer tokens, HMAC-signed with a secret only this process knows:
// `<payload>.<signature>`, both base64url, the payload being JSON claims with `expiresAt` (ms).
//
// A candidate token says who may upload (`role: 'candidate'`, `candidate`, optionally
// `interviewId` and a `timeMultiplier` accommodation); a reviewer token lets the employer's review
// page read answers back. In an ATS the token endpoint sits behind the candidate's invitation
// link, and the secret comes from configuration so every instance can check every token.
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * @param {{ secret?: Buffer | string, ttlMs?: number, now?: () => number }} [options]
 */
export function createTokens({ secret = randomBytes(32), ttlMs = 15 * 60_000, now = Date.now } = {}) {
  const sign = (payload) => createHmac('sha256', secret).update(payload).digest();

  return {
    ttlMs,

    /** Signs `claims`; the token expires `ttlMs` from now. */
    issue(claims, { ttlMs: lifetime = ttlMs } = {}) {
      const expiresAt = now() + lifetime;
      const payload = Buffer.from(JSON.stringify({ ...claims, expiresAt })).toString('base64url');
      return { token: `${payload}.${sign(payload).toString('base64url')}`, expiresAt };
    },

    /**
     * The claims of a token this process issued and that has not expired.
     * @returns {{ ok: true, claims: Record<string, unknown> } | { ok: false, reason: string }}
     */
    verify(token) {
      const [payload, signature, extra] = String(token ?? '').split('.');
      if (!payload || !signature || extra !== undefined) return { ok: false, reason: 'malformed token' };
      const expected = sign(payload);
      const given = Buffer.from(signature, 'base64url');
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'invalid token' };
      let claims;
      try {
        claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
      } catch {
        return { ok: false, reason: 'malformed token' };
      }
      if (!(Number(claims.expiresAt) > now())) return { ok: false, reason: 'token expired' };
      return { ok: true, claims };
    },
  };
}

/** The token of an `Authorization: Bearer …` header, or undefined. */
export function bearerToken(authorization) {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  return match?.[1];
}

/** One cookie's value from a `Cookie` header, or undefined. */
export function cookieValue(header, name) {
  for (const part of (header ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}

/** Whether `given` is `secret`, in time that does not tell how much of it matched. */
export function matchesSecret(given, secret) {
  const digest = (value) => createHash('sha256').update(String(value)).digest();
  return given !== undefined && timingSafeEqual(digest(given), digest(secret));
}
