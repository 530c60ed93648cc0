// Harness options: flags before the environment, clear refusals, the demo workspace, the test-only mailbox.
import { describe, expect, it } from 'vitest';
import { parseHarnessArgs } from '../../../src/main/harness/args';

describe('harness options', () => {
  it('take the data folder and port from flags, before the environment', () => {
    expect(parseHarnessArgs(['--data', '/tmp/x', '--port', '4321'], { REPDESK_DATA_DIR: '/tmp/env' })).toEqual({ dataDir: '/tmp/x', port: 4321, testMode: false, demo: false, fakeMailbox: false });
    expect(parseHarnessArgs([], { REPDESK_DATA_DIR: '/tmp/env' }).dataDir).toBe('/tmp/env');
  });

  it('refuse unknown flags, missing values and bad ports with a clear message', () => {
    expect(() => parseHarnessArgs(['--verbose'], {})).toThrow(/Unknown option --verbose/);
    expect(() => parseHarnessArgs(['--data'], {})).toThrow(/--data needs a value/);
    expect(() => parseHarnessArgs(['--port', '99999'], {})).toThrow(/0 to 65535/);
    expect(() => parseHarnessArgs(['--port', '--data'], {})).toThrow(/--port needs a value/);
  });

  it('enable test mode only when asked', () => {
    expect(parseHarnessArgs(['--test-mode'], {}).testMode).toBe(true);
    expect(parseHarnessArgs([], { REPDESK_TEST_MODE: '1' }).testMode).toBe(true);
  });

  it('load the demo workspace only when asked', () => {
    expect(parseHarnessArgs(['--demo'], {}).demo).toBe(true);
    expect(parseHarnessArgs([], {}).demo).toBe(false);
  });

  it('accept --fake-mailbox with --test-mode and refuse it without', () => {
    expect(parseHarnessArgs(['--test-mode', '--fake-mailbox'], {})).toMatchObject({ testMode: true, fakeMailbox: true });
    expect(() => parseHarnessArgs(['--fake-mailbox'], {})).toThrow(/only for tests/);
    expect(parseHarnessArgs([], {})).toMatchObject({ testMode: false, fakeMailbox: false });
  });
});
