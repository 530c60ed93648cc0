// Import and prospects-screen benchmark: 100,000-row CSV and XLSX, file to committed prospects, then the screen's queries.
// Run: npm run bench:import [-- --json] [-- --rows 100000] [-- --million]
// The headline runs are a rep's on the Prospects screen (or dragging the file over the window): the import's workers
// were readied and warmed up before the file came (ImportService.readyWorkers). The "cold" runs drop the file on a
// Repdesk that had not readied them (say, onto Today a moment after it started): they start with the file.
// --million adds a 1,000,000-row CSV and a 1,000,000-row XLSX import and reports their times, the longest event-loop
// stalls and peak memory.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { PassThrough } from 'node:stream';
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import ExcelJS from 'exceljs';
import { ManualClock } from '../src/main/core/clock';
import { createCore, type Core } from '../src/main/core/createCore';
import { openDatabase } from '../src/main/core/db/open';
import { refillAfterImportMs } from '../src/main/core/import/importService';
import { silentLog } from '../src/main/core/log';
import type { ProspectListQuery } from '../src/shared/contract/prospects';

const args = process.argv.slice(2);
const json = args.includes('--json');
const rowsArg = args.indexOf('--rows');
const rows = rowsArg >= 0 ? Number(args[rowsArg + 1]) : 100_000;
const million = args.includes('--million');
/** How long the rep looks at the mapping step before clicking Import, in the paused runs (a workbook and a CSV). */
const mappingPauseMs = 5000;
// The import reads and normalises in the built workers, as the app does; `npm run build` first, or it runs inline.
const workerPath = resolve(__dirname, '../out/main/importWorker.js');
const useWorker = existsSync(workerPath) && !args.includes('--inline');

const first = ['James', 'Mary', 'Robert', 'Patricia', 'John', 'Jennifer', 'Michael', 'Linda', 'David', 'Elizabeth', 'Zoë', 'José'];
const last = ['Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Müller', 'Rodriguez'];
const states = ['CA', 'NY', 'TX', 'WA', 'IL', 'MA', 'FL', 'CO'];
const header = ['Email', 'First Name', 'Last Name', 'Company', 'Title', 'Phone', 'City', 'State', 'Country', 'Industry', 'Lead Source', 'Notes'];

const ascii = (s: string) => s.toLowerCase().normalize('NFKD').replace(/[^a-z]/g, '');

function record(i: number): (string | number)[] {
  return [
    `${ascii(first[i % 12]!)}.${ascii(last[i % 10]!)}${i}@company${i % 5000}.com`,
    first[i % 12]!,
    last[i % 10]!,
    `Company ${i % 5000} Inc`,
    i % 3 ? 'VP Sales' : 'Head of Growth',
    `+1 415 ${String(200 + (i % 700)).padStart(3, '0')} ${String(i % 10000).padStart(4, '0')}`,
    'San Francisco',
    states[i % 8]!,
    'US',
    'Software',
    'Webinar',
    i % 7 ? '' : 'Asked for a demo, "next quarter"',
  ];
}

function csvFile(n = rows): Buffer {
  const lines = [header.join(',')];
  for (let i = 0; i < n; i++) lines.push(record(i).map((v) => (typeof v === 'string' && /[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v)).join(','));
  return Buffer.from(lines.join('\r\n'), 'utf8');
}

async function xlsxFile(n = rows): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: true });
  const ws = wb.addWorksheet('Leads');
  ws.addRow(header).commit();
  for (let i = 0; i < n; i++) {
    const r = record(i);
    r[5] = 14155550000 + (i % 10000); // phones as Excel stores them: numbers
    ws.addRow(r).commit();
  }
  await ws.commit();
  await wb.commit();
  return Buffer.concat(chunks);
}

function newCore(dir: string): Core {
  return createCore({
    db: openDatabase(dir),
    clock: new ManualClock(new Date('2026-03-02T09:00:00Z')),
    providers: {},
    log: silentLog,
    vault: { protection: 'os', get: async () => null, set: async () => {}, delete: async () => {} },
    notifier: { notify: () => {} },
    env: { appName: 'Repdesk', version: 'bench', dataDir: dir, transport: 'http', testMode: true, systemTimeZone: 'America/New_York', ...(useWorker ? { workersDir: dirname(workerPath) } : {}) },
  });
}

/**
 * Upload in 4 MB chunks as the window does, preview, map as suggested, import, wait for the commit. With pauseMs, the
 * rep spends that long on the mapping step before clicking Import (a workbook's sheet is parsed whole meanwhile). With
 * readied, the import's workers were readied before the file came, and had warmed up.
 */
async function importTimed(
  core: Core,
  fileName: string,
  bytes: Buffer,
  { pauseMs = 0, readied = true }: { pauseMs?: number; readied?: boolean } = {},
): Promise<{ previewMs: number; importMs: number; afterClickMs: number; created: number; maxStallMs: number }> {
  if (readied) {
    core.imports.readyWorkers();
    await core.imports.workersWarm();
  }
  // The longest the event loop stood still: at most the one short transaction that promotes the import.
  const delay = monitorEventLoopDelay({ resolution: 10 });
  // The benchmark's own garbage (making a million-row workbook leaves hundreds of MB) is no part of the app's import.
  collectGarbage();
  const t0 = performance.now();
  const { importId } = core.imports.create(fileName, bytes.byteLength);
  for (let o = 0; o < bytes.byteLength; o += 4 * 1024 * 1024) core.imports.append(importId, o, bytes.subarray(o, o + 4 * 1024 * 1024));
  const preview = await core.imports.preview(importId);
  const t1 = performance.now();
  if (pauseMs) await new Promise((r) => setTimeout(r, pauseMs));
  const clicked = performance.now();
  delay.enable();
  await core.imports.start({ importId, sheet: preview.sheet, mapping: preview.suggested, tag: 'Bench', duplicatePolicy: 'skip' });
  await core.imports.idle();
  const t2 = performance.now();
  // A stall is recorded when the sampling timer finally runs: let it run once more before reading the figure.
  await new Promise((r) => setTimeout(r, 30));
  delay.disable();
  // The log's checkpoint runs in the background after the commit: let it finish before the next measurement.
  await core.imports.settled();
  const summary = core.imports.get(importId);
  if (summary.status !== 'done') throw new Error(`import ${fileName} ended ${summary.status}: ${summary.failure}`);
  return { previewMs: t1 - t0, importMs: t2 - t0 - (clicked - t1), afterClickMs: t2 - clicked, created: summary.counts.created, maxStallMs: delay.max / 1e6 };
}

function timeQuery(core: Core, q: Partial<ProspectListQuery>, runs = 20): number {
  const query = { search: '', tagId: null, importId: null, status: null, timeZone: null, sort: 'created', dir: 'desc', offset: 0, limit: 100, ...q } as ProspectListQuery;
  core.prospects.list(query); // warm the statement cache, as the screen would after its first call
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    core.prospects.list(query);
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

/** Deletes the n newest prospects as the rep would (select, Delete); returns how long it took. */
async function timeDelete(core: Core, n: number): Promise<number> {
  const ids = core.prospects.ids({ search: '', tagId: null, importId: null, status: null, timeZone: null }).slice(0, n);
  const t = performance.now();
  const { deleted } = await core.prospects.delete(ids);
  const ms = performance.now() - t;
  if (deleted !== n) throw new Error(`expected to delete ${n} prospects, deleted ${deleted}`);
  return ms;
}

async function main() {
  const csv = csvFile();
  const xlsx = await xlsxFile();
  const dirs = [0, 1, 2, 3, 4, 5].map(() => mkdtempSync(join(tmpdir(), 'repdesk-bench-')));
  try {
    const csvCore = newCore(dirs[0]!);
    const c = await importTimed(csvCore, 'bench.csv', csv);
    // The rep looks at the summary a moment, while the workers are readied again for another file (refillAfterImportMs);
    // then the screen's queries and deletions are timed on this store, which is closed before the next imports (its
    // readied workers would only be another process's, beside them).
    await new Promise((r) => setTimeout(r, refillAfterImportMs + 500));
    await csvCore.imports.workersWarm();
    const screen = {
      queryFirstPageMs: round(timeQuery(csvCore, {})),
      querySortByNameMs: round(timeQuery(csvCore, { sort: 'name', dir: 'asc' })),
      querySearchNameMs: round(timeQuery(csvCore, { search: 'patricia gar' })),
      querySearchEmailMs: round(timeQuery(csvCore, { search: 'mary.smith12' })),
      queryDeepPageMs: round(timeQuery(csvCore, { offset: 50_000 })),
      queryFilterTimeZoneMs: round(timeQuery(csvCore, { timeZone: 'America/Chicago' })),
      // Deleting, as a privacy request does (nothing of them left in the file): a few, one by one through the search
      // index, then half the store, which builds the index again (see prospectRemoval.ts).
      deleteFewMs: round(await timeDelete(csvCore, 100)),
      deleteHalfMs: round(await timeDelete(csvCore, Math.floor(rows / 2))),
    };
    csvCore.close();
    /** An import into a store of its own, closed after it. */
    const alone = async (dir: string, fileName: string, bytes: Buffer, options?: Parameters<typeof importTimed>[3]) => {
      const core = newCore(dir);
      try {
        return await importTimed(core, fileName, bytes, options);
      } finally {
        core.close();
      }
    };
    const x = await alone(dirs[1]!, 'bench.xlsx', xlsx);
    // As the rep uses it: the file dropped, the mapping looked over, then Import.
    const paused = await alone(dirs[2]!, 'bench.xlsx', xlsx, { pauseMs: mappingPauseMs });
    const pausedCsv = await alone(dirs[3]!, 'bench.csv', csv, { pauseMs: mappingPauseMs });
    // Dropped on a Repdesk that had not readied its workers: they start with the file.
    const coldCsv = await alone(dirs[4]!, 'bench.csv', csv, { readied: false });
    const coldXlsx = await alone(dirs[5]!, 'bench.xlsx', xlsx, { readied: false });
    const figures = {
      rows,
      worker: useWorker ? 1 : 0,
      csvBytes: csv.byteLength,
      xlsxBytes: xlsx.byteLength,
      csvPreviewMs: round(c.previewMs),
      csvImportMs: round(c.importMs),
      xlsxPreviewMs: round(x.previewMs),
      xlsxImportMs: round(x.importMs),
      xlsxAfterMappingPauseMs: round(paused.afterClickMs),
      csvAfterMappingPauseMs: round(pausedCsv.afterClickMs),
      csvImportColdMs: round(coldCsv.importMs),
      xlsxImportColdMs: round(coldXlsx.importMs),
      csvMaxLoopStallMs: round(c.maxStallMs),
      xlsxMaxLoopStallMs: round(x.maxStallMs),
      ...screen,
    };
    if (million) Object.assign(figures, await millionRows());
    if ([c, pausedCsv, coldCsv, x, paused, coldXlsx].some((r) => r.created !== rows)) {
      throw new Error(`expected ${rows} prospects, got ${[c, pausedCsv, coldCsv].map((r) => r.created).join(', ')} (CSV), ${[x, paused, coldXlsx].map((r) => r.created).join(', ')} (XLSX)`);
    }
    if (json) {
      console.log(JSON.stringify(figures));
      return;
    }
    const table: (readonly [string, number, number | null])[] = [
      ['CSV file to committed prospects', figures.csvImportMs, 1500],
      ['  of which upload + preview', figures.csvPreviewMs, null],
      [`CSV: Import clicked ${mappingPauseMs / 1000} s after the preview`, figures.csvAfterMappingPauseMs, null],
      ['CSV: workers not readied (cold)', figures.csvImportColdMs, null],
      ['XLSX file to committed prospects', figures.xlsxImportMs, 3000],
      ['  of which upload + preview', figures.xlsxPreviewMs, null],
      [`XLSX: Import clicked ${mappingPauseMs / 1000} s after the preview`, figures.xlsxAfterMappingPauseMs, null],
      ['XLSX: workers not readied (cold)', figures.xlsxImportColdMs, null],
      ['CSV: longest event-loop stall', figures.csvMaxLoopStallMs, null],
      ['XLSX: longest event-loop stall', figures.xlsxMaxLoopStallMs, null],
      ['Screen: first page (newest first)', figures.queryFirstPageMs, 20],
      ['Screen: first page sorted by name', figures.querySortByNameMs, 20],
      ['Screen: search "patricia gar"', figures.querySearchNameMs, 20],
      ['Screen: search "mary.smith12"', figures.querySearchEmailMs, 20],
      ['Screen: page at row 50,000', figures.queryDeepPageMs, 20],
      ['Screen: filter by time zone', figures.queryFilterTimeZoneMs, 20],
      ['Delete 100 prospects', figures.deleteFewMs, null],
      [`Delete ${Math.floor(rows / 2).toLocaleString()} prospects`, figures.deleteHalfMs, null],
    ];
    if (million) {
      const m = figures as unknown as Record<string, number>;
      table.push(['1,000,000-row CSV to committed', m.millionCsvImportMs!, null] as never);
      table.push(['  longest event-loop stall', m.millionMaxLoopStallMs!, null] as never);
      table.push(['1,000,000-row XLSX to committed', m.millionXlsxImportMs!, null] as never);
      table.push(['  of which upload + preview', m.millionXlsxPreviewMs!, null] as never);
      table.push(['  longest event-loop stall', m.millionXlsxMaxLoopStallMs!, null] as never);
      console.log(`(1,000,000 rows: peak memory ${m.millionPeakRssMb} MB for the CSV, ${m.millionXlsxPeakRssMb} MB for the XLSX)`);
    }
    console.log(`Import benchmark: ${rows.toLocaleString()} rows (CSV ${(csv.byteLength / 1e6).toFixed(1)} MB, XLSX ${(xlsx.byteLength / 1e6).toFixed(1)} MB), SQLite file in WAL mode, ${useWorker ? 'reading in the built worker threads' : 'reading inline (no build found, or --inline)'}\n`);
    for (const [name, ms, target] of table) {
      const verdict = target === null ? '' : ms <= target ? `target ${target} ms: met` : `target ${target} ms: MISSED`;
      console.log(`${name.padEnd(44)} ${ms.toFixed(1).padStart(9)} ms   ${verdict}`);
    }
  } finally {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  }
}

/** The 1,000,000-row cases (a CSV, then a workbook): must finish without crashing, and never stall the event loop for long. */
async function millionRows(): Promise<Record<string, number>> {
  const csv = await millionImport('million.csv', csvFile(1_000_000));
  const xlsx = await millionImport('million.xlsx', await xlsxFile(1_000_000));
  return {
    millionCsvImportMs: csv.importMs,
    millionMaxLoopStallMs: csv.maxStallMs,
    millionPeakRssMb: csv.peakRssMb,
    millionXlsxImportMs: xlsx.importMs,
    millionXlsxPreviewMs: xlsx.previewMs,
    millionXlsxMaxLoopStallMs: xlsx.maxStallMs,
    millionXlsxPeakRssMb: xlsx.peakRssMb,
  };
}

async function millionImport(fileName: string, bytes: Buffer): Promise<{ importMs: number; previewMs: number; maxStallMs: number; peakRssMb: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'repdesk-bench-'));
  try {
    const core = newCore(dir);
    let peakRss = process.memoryUsage().rss;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
    const r = await importTimed(core, fileName, bytes);
    clearInterval(sampler);
    core.close();
    if (r.created !== 1_000_000) throw new Error(`expected 1,000,000 prospects from ${fileName}, got ${r.created}`);
    return { importMs: round(r.importMs), previewMs: round(r.previewMs), maxStallMs: round(r.maxStallMs), peakRssMb: Math.round(peakRss / 1024 / 1024) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const round = (n: number) => Math.round(n * 10) / 10;

/** A full garbage collection, made available at run time (V8's gc function, as --expose-gc gives it). */
const collectGarbage: () => void = (() => {
  v8.setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
})();

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
