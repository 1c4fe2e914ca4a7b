// Browser tests: every `*.browser.test.ts` in Debian's Chromium (a test tool's own browser download fails here).
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter, summaryReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import { countingReporter } from './.ci/wtr-counting-reporter.mjs';
import { schedulingLinksPublishers } from './test/fhir-server/publisher-commands.mjs';
import { testServersPlugin } from './test/support/wtr-servers.mjs';

const executablePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';

export default {
  files: ['packages/*/src/**/*.browser.test.ts'],
  nodeResolve: { exportConditions: ['source', 'browser', 'development'] },
  plugins: [
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.base.json' }),
    schedulingLinksPublishers(),
    testServersPlugin(),
  ],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath,
        headless: true,
        args: [
          '--no-sandbox',
          '--headless=new',
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
        ],
      },
    }),
  ],
  // One page at a time: a second tab is hidden, and hidden tabs never run animation frames (modernweb-dev/web#2808).
  concurrency: 1,
  testFramework: { config: { timeout: 10_000 } },
  // The whole browser run takes about 80 s alone; on a machine shared with other work it took over 300 s.
  testsFinishTimeout: 900_000,
  reporters: process.env.CI_COUNT_FILE
    ? [summaryReporter({ flatten: false }), defaultReporter(), countingReporter(process.env.CI_COUNT_FILE)]
    : [defaultReporter()],
};
