// Worker-thread entry: reads and normalises an import's rows off the main thread and hands them over in batches.
import { parentPort, workerData } from 'node:worker_threads';
import { UserError } from '../errors';
import { normalizedRows, type ImportPlan } from './normalizedRows';
import { openSheetReader } from './sheetReader';

const { bytes, plan } = workerData as { bytes: Uint8Array; plan: ImportPlan };
const port = parentPort!;

// The main thread asks for more as it writes, so a million-row file never piles up in memory.
let credits = 4;
let wake: (() => void) | null = null;
port.on('message', (m: unknown) => {
  if (m === 'more') {
    credits++;
    wake?.();
  }
});

async function run(): Promise<void> {
  const reader = openSheetReader(plan.kind, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  for await (const batch of normalizedRows(reader, plan)) {
    while (credits === 0) await new Promise<void>((r) => (wake = r));
    credits--;
    port.postMessage({ type: 'rows', batch });
  }
  port.postMessage({ type: 'end' });
}

run().catch((err: unknown) => {
  port.postMessage({ type: 'error', message: err instanceof Error ? err.message : String(err), user: err instanceof UserError });
});
