// Harness options: the in-memory test mailbox exists only in test mode.
import { describe, expect, it } from 'vitest';
import { parseHarnessArgs } from '../../../src/main/harness/args';

describe('harness arguments', () => {
  it('accept --fake-mailbox with --test-mode and refuse it without', () => {
    expect(parseHarnessArgs(['--test-mode', '--fake-mailbox'], {})).toMatchObject({ testMode: true, fakeMailbox: true });
    expect(() => parseHarnessArgs(['--fake-mailbox'], {})).toThrow(/only for tests/);
    expect(parseHarnessArgs([], {})).toMatchObject({ testMode: false, fakeMailbox: false });
  });
});
