import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

// A real HTTP server on 127.0.0.1 for the adapter and HTTP-client tests: no fetch mocks, every request recorded.

export interface RecordedRequest {
  method: string;
  url: URL;
  headers: IncomingHttpHeaders;
  body: string;
}

export type RecordingHandler = (req: IncomingMessage, res: ServerResponse, hit: RecordedRequest, index: number) => void;

const open: Array<() => Promise<void>> = [];

/** Start a server on an ephemeral port that answers with `handler` and records what it received. */
export async function recordingServer(handler: RecordingHandler): Promise<{ origin: string; hits: RecordedRequest[] }> {
  const hits: RecordedRequest[] = [];
  let origin = '';
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const hit = {
        method: req.method ?? '',
        url: new URL(req.url ?? '/', origin),
        headers: req.headers,
        body: Buffer.concat(chunks).toString(),
      };
      hits.push(hit);
      handler(req, res, hit, hits.length - 1);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  open.push(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  return { origin, hits };
}

/** Close every server started since the last call (use in `afterEach`). */
export async function closeRecordingServers(): Promise<void> {
  await Promise.all(open.splice(0).map((close) => close()));
}
