// Command-line options of the harness (`npm run browser -- --data <dir> --port <n>`).
import { join } from 'node:path';
import { homedir } from 'node:os';

export interface HarnessArgs {
  dataDir: string;
  port: number;
  testMode: boolean;
  /** Load the demo workspace (sample prospects, sequences and a day of queue items) if it is not there yet. */
  demo: boolean;
  /** Test mode only: an in-memory mailbox instead of Gmail or Outlook. */
  fakeMailbox: boolean;
}

export function parseHarnessArgs(argv: string[], env: NodeJS.ProcessEnv): HarnessArgs {
  const args: HarnessArgs = {
    dataDir: env.REPDESK_DATA_DIR || join(homedir(), '.repdesk-browser'),
    port: 0,
    testMode: env.REPDESK_TEST_MODE === '1',
    demo: false,
    fakeMailbox: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new Error(`${arg} needs a value`);
      return v;
    };
    switch (arg) {
      case '--data':
        args.dataDir = value();
        break;
      case '--port': {
        const port = Number(value());
        if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error('--port takes a number from 0 to 65535');
        args.port = port;
        break;
      }
      case '--test-mode':
        args.testMode = true;
        break;
      case '--fake-mailbox':
        args.fakeMailbox = true;
        break;
      case '--demo':
        args.demo = true;
        break;
      default:
        throw new Error(`Unknown option ${arg}. Options: --data <dir>, --port <n>, --demo, --test-mode, --fake-mailbox`);
    }
  }
  if (args.fakeMailbox && !args.testMode) throw new Error('--fake-mailbox is only for tests: add --test-mode');
  return args;
}
