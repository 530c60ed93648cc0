// `npm run browser`: runs core in plain Node and serves the UI on 127.0.0.1 for any browser.
import { resolve } from 'node:path';
import { systemClock } from '../core/clock';
import { consoleLog } from '../core/log';
import { parseHarnessArgs } from './args';
import { launchHarness } from './launch';
import { TestModeClock } from './testClock';

async function main(): Promise<void> {
  let args;
  try {
    args = parseHarnessArgs(process.argv.slice(2), process.env);
  } catch (err) {
    console.error((err as Error).message);
    process.exit(2);
  }
  const app = await launchHarness({
    dataDir: resolve(args.dataDir),
    port: args.port,
    testMode: args.testMode,
    demo: args.demo,
    // In test mode time only moves through the test.clock.* API, so end-to-end tests are deterministic.
    clock: args.testMode ? new TestModeClock(Date.now()) : systemClock(),
    log: consoleLog('harness'),
    rendererDir: resolve(__dirname, '../renderer'),
    fakeMailbox: args.fakeMailbox,
  });
  console.log(`Repdesk is running. Data: ${app.dataDir}`);
  console.log(`Open ${app.harness.url}`);
  const stop = () => {
    void app.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
