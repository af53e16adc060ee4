import { expect } from '@open-wc/testing';
import { readJsonInput, type JsonInput } from '../../src/core/json-input.js';

const input = (overrides: Partial<JsonInput>): JsonInput => ({
  value: undefined,
  inline: undefined,
  url: '',
  attribute: 'config-src',
  what: 'config',
  ...overrides,
});

/** A fetch that answers `response` and records what it was asked. */
function fetchAnswering(response: Response | Error) {
  const calls: { url: string; init: RequestInit | undefined }[] = [];
  const fetchJson = (async (url: RequestInfo | URL, init?: RequestInit) => {
    calls.push({ url: String(url), init });
    if (response instanceof Error) throw response;
    return response;
  }) as typeof fetch;
  return { fetchJson, calls };
}

/** The message `promise` rejects with. */
async function rejection(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('it did not reject');
}

describe('readJsonInput', () => {
  it('takes the property first, even a falsy one, and neither parses nor fetches then', async () => {
    const { fetchJson, calls } = fetchAnswering(new Error('fetched'));
    const config = { id: 'x' };
    expect(await readJsonInput(input({ value: config, inline: 'not json', url: '/c.json' }), fetchJson)).to.equal(config);
    expect(await readJsonInput(input({ value: 0, url: '/c.json' }), fetchJson)).to.equal(0);
    expect(await readJsonInput(input({ value: false, url: '/c.json' }), fetchJson)).to.equal(false);
    expect(calls).to.have.length(0);
  });

  it('parses the inline script when the property is unset or null, before any URL', async () => {
    const { fetchJson, calls } = fetchAnswering(new Error('fetched'));
    expect(await readJsonInput(input({ value: null, inline: '{"id":"inline"}', url: '/c.json' }), fetchJson)).to.deep.equal({ id: 'inline' });
    expect(calls).to.have.length(0);
  });

  it('says an inline script is not JSON, naming what it was meant to be', async () => {
    const message = await rejection(readJsonInput(input({ inline: '{ id: 1 }', what: 'answers' })));
    expect(message).to.match(/^The inline <script type="application\/json"> answers is not valid JSON: .+/);
  });

  it('gives undefined while nothing is given yet', async () => {
    const { fetchJson, calls } = fetchAnswering(new Error('fetched'));
    expect(await readJsonInput(input({}), fetchJson)).to.equal(undefined);
    expect(calls).to.have.length(0);
  });

  it('fetches the URL with same-origin credentials and parses the body', async () => {
    const { fetchJson, calls } = fetchAnswering(Response.json({ id: 'fetched' }));
    expect(await readJsonInput(input({ url: '/interviews/1.json' }), fetchJson)).to.deep.equal({ id: 'fetched' });
    expect(calls).to.deep.equal([{ url: '/interviews/1.json', init: { credentials: 'same-origin' } }]);
  });

  it('names the attribute and URL when the fetch fails, answers an error, or answers no JSON', async () => {
    const unreachable = fetchAnswering(new TypeError('Failed to fetch'));
    expect(await rejection(readJsonInput(input({ url: '/c.json' }), unreachable.fetchJson))).to.equal('Could not fetch config-src "/c.json": Failed to fetch');

    const missing = fetchAnswering(new Response('no', { status: 404, statusText: 'Not Found' }));
    expect(await rejection(readJsonInput(input({ url: '/c.json' }), missing.fetchJson))).to.equal('config-src "/c.json" answered 404 Not Found');

    // HTTP/2 has no status text: no trailing space.
    const bare = fetchAnswering(new Response('no', { status: 500 }));
    expect(await rejection(readJsonInput(input({ url: '/c.json' }), bare.fetchJson))).to.equal('config-src "/c.json" answered 500');

    const html = fetchAnswering(new Response('<!doctype html><p>Sign in</p>', { status: 200 }));
    expect(await rejection(readJsonInput(input({ url: '/c.json', attribute: 'src' }), html.fetchJson))).to.match(/^src "\/c.json" is not valid JSON: .+/);
  });

  it('fetches with the page’s fetch unless one is given', async () => {
    const message = await rejection(readJsonInput(input({ url: '/no/such/config.json' })));
    expect(message).to.equal('config-src "/no/such/config.json" answered 404 Not Found');
  });
});
