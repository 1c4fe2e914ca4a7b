// A @web/test-runner plugin that lets browser tests start and stop SMART Scheduling Links publishers (real HTTP
// servers on 127.0.0.1, scheduling-links-publisher.mjs) through `executeServerCommand`, so a widget in Chromium reads
// the public example files through the real adapter. Every publisher still open is closed when the run ends.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXAMPLES_DIR, EXAMPLES_ORIGIN, startPublisher } from './scheduling-links-publisher.mjs';

export function schedulingLinksPublishers() {
  const open = new Map();
  return {
    name: 'scheduling-links-publishers',
    async executeCommand({ command, payload }) {
      if (command === 'start-scheduling-links-publisher') {
        const publisher = await startPublisher();
        publisher.serveExamples();
        if (payload?.errorOutput) {
          // The manifest also lists an `error` output: the publisher's own problems, reported beside the data.
          const manifest = JSON.parse(readFileSync(join(EXAMPLES_DIR, 'bulk-publish.json'), 'utf8'));
          for (const output of manifest.output)
            output.url = output.url.replace(EXAMPLES_ORIGIN, `${publisher.origin}/examples/`);
          manifest.error = [{ type: 'OperationOutcome', url: `${publisher.origin}/examples/errors.ndjson` }];
          publisher.put('/examples/$bulk-publish', JSON.stringify(manifest));
        }
        open.set(publisher.origin, publisher);
        return { origin: publisher.origin, manifestUrl: publisher.manifestUrl };
      }
      if (command === 'stop-scheduling-links-publisher') {
        const publisher = open.get(payload?.origin);
        open.delete(payload?.origin);
        await publisher?.close();
        return true;
      }
      return undefined;
    },
    async serverStop() {
      await Promise.all([...open.values()].map((publisher) => publisher.close()));
      open.clear();
    },
  };
}
