import { expect } from '@open-wc/testing';
import { backoffDelay, BACKOFF_MS, decideRetry, type FailedRequest } from '../../src/core/retry-policy.js';

const noJitter = () => 0;
const failure = (overrides: Partial<FailedRequest>): FailedRequest => ({ attempt: 1, reauthorized: false, ...overrides });

describe('retry policy', () => {
  const cases: [string, Partial<FailedRequest>, string][] = [
    ['no response (offline)', { status: undefined }, 'retry'],
    ['status 0', { status: 0 }, 'retry'],
    ['500', { status: 500 }, 'retry'],
    ['503', { status: 503 }, 'retry'],
    ['408 timeout', { status: 408 }, 'retry'],
    ['423 locked', { status: 423 }, 'retry'],
    ['429 rate limited', { status: 429 }, 'retry'],
    ['409 offset conflict', { status: 409 }, 'retry'],
    ['stalled', { stalled: true }, 'retry'],
    ['an offset that cannot be right', { status: 204, offsetMismatch: true }, 'retry'],
    ['first 401', { status: 401 }, 'reauthorize'],
    ['first 403', { status: 403 }, 'reauthorize'],
    ['403 after fresh headers', { status: 403, reauthorized: true }, 'fail'],
    ['404 with every byte still held', { status: 404, bytesReleased: 0 }, 'recreate'],
    ['410 with every byte still held', { status: 410 }, 'recreate'],
    ['404 after bytes were released', { status: 404, bytesReleased: 1 }, 'fail'],
    ['413 too large', { status: 413 }, 'fail'],
    ['400', { status: 400 }, 'fail'],
  ];
  for (const [name, overrides, action] of cases) {
    it(`${name} → ${action}`, () => {
      expect(decideRetry(failure(overrides), noJitter).action).to.equal(action);
    });
  }

  it('never gives up on transient failures', () => {
    const decision = decideRetry(failure({ status: 503, attempt: 10_000 }), noJitter);
    expect(decision).to.deep.equal({ action: 'retry', delayMs: BACKOFF_MS.at(-1), reason: 'server' });
  });

  it('backs off, then repeats its longest delay, with bounded jitter', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 50].map((attempt) => backoffDelay(attempt, noJitter))).to.deep.equal([
      500, 1000, 2000, 4000, 8000, 15000, 15000, 15000,
    ]);
    expect(backoffDelay(1, () => 1)).to.equal(600);
  });

  it('backs off on offset conflicts like on any other retry, instead of hammering the server', () => {
    expect([1, 2, 3, 4].map((attempt) => decideRetry(failure({ status: 409, attempt }), noJitter))).to.deep.equal(
      [500, 1000, 2000, 4000].map((delayMs) => ({ action: 'retry', delayMs, reason: 'conflict' })),
    );
  });

  it('names the status, the upload and the bytes lost when the server lost an upload whose bytes were released', () => {
    const decision = decideRetry(failure({ status: 410, method: 'HEAD', url: 'https://ats.example/tus/abc', bytesReleased: 5000 }));
    expect(decision).to.include({ action: 'fail', code: 'upload-lost' });
    expect(decision.action === 'fail' && decision.message).to.contain('410').and.contain('HEAD https://ats.example/tus/abc').and.contain('5000 bytes');
  });

  it('names the status, method and endpoint in a rejection', () => {
    const decision = decideRetry(failure({ status: 413, method: 'PATCH', url: 'https://ats.example/tus/abc' }));
    expect(decision).to.include({ action: 'fail', code: 'upload-rejected' });
    expect(decision.action === 'fail' && decision.message).to.contain('413').and.contain('PATCH https://ats.example/tus/abc');
  });

  it('tells the host to check its authorize hook on a second refusal', () => {
    const decision = decideRetry(failure({ status: 401, reauthorized: true }));
    expect(decision).to.include({ action: 'fail', code: 'upload-unauthorized' });
  });
});
