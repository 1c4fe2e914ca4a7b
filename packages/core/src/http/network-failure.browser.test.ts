// What a page can tell of a request that got no answer, in a real browser against real servers: the test runner's
// own server on another origin (it sends no CORS headers), a port where nothing listens, and a browser that says it
// is offline.
import { expect } from '@open-wc/testing';
import { cleanup, onCleanup } from '../../../../test/support/dom.js';
import { failure } from '../../../../test/support/errors.js';
import { errorDetail } from '../events/error.js';
import { createHttpClient } from './client.js';
import { networkFailure } from './network-failure.js';

/** The test runner's server under its other name: the same server, another origin. */
const otherOrigin = () => {
  const url = new URL(location.href);
  url.hostname = url.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
  return url.origin;
};

const client = (baseUrl: string) => createHttpClient({ baseUrl, retries: 0, timeoutMs: 5_000 });

afterEach(cleanup);

describe('a request without an answer', () => {
  it('names CORS when the other origin answers a plain request but not this one', async () => {
    const error = await failure(client(otherOrigin()).request('GET', '/package.json'));
    expect(error.kind).to.equal('network');
    expect(networkFailure(error)).to.equal('cors');
    expect(error.message).to.contain('CORS');
    expect(error.message).to.contain(location.origin);
    expect(errorDetail(error, false).network).to.equal('cors');
  });

  it('never blames CORS when nothing answers at all', async () => {
    const error = await failure(client('http://127.0.0.1:9').request('GET', '/providers'));
    expect(networkFailure(error)).to.equal('unreachable');
    expect(error.message).to.contain('no answer from http://127.0.0.1:9');
  });

  it('says offline when the browser has no network', async () => {
    Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
    onCleanup(() => delete (navigator as { onLine?: boolean }).onLine);
    const error = await failure(client('http://127.0.0.1:9').request('GET', '/providers'));
    expect(networkFailure(error)).to.equal('offline');
    expect(errorDetail(error, false).network).to.equal('offline');
  });

  it('reads the same origin as reachable for CORS purposes: a failure there is never CORS', async () => {
    const error = await failure(
      createHttpClient({ baseUrl: location.origin, retries: 0, timeoutMs: 1 }).request('GET', '/package.json'),
    );
    // Either the tiny timeout or an aborted read: never a CORS diagnosis on the page's own origin.
    expect(networkFailure(error)).to.not.equal('cors');
  });
});
