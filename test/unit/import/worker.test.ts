// The import worker thread (the built out/main/importWorker.js): same results as inline, and its failures surface.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/main/core/clock';
import { createCore } from '../../../src/main/core/createCore';
import { openMemoryDatabase } from '../../../src/main/core/db/open';
import { silentLog } from '../../../src/main/core/log';
import { sheetShares } from '../../../src/main/core/import/readXlsx';
import { openSheetReader } from '../../../src/main/core/import/sheetReader';
import { unpackSheet } from '../../../src/main/core/import/sheetText';
import { standbyWorker, workerParse, workerThreads } from '../../../src/main/core/import/workerChunks';
import { EventBus } from '../../../src/main/core/eventBus';
import { ImportService } from '../../../src/main/core/import/importService';
import { SettingsService } from '../../../src/main/core/settings/settingsService';
import { csvBytes, importFile, xlsxBytes } from '../../support/importFiles';
import { makeTestCore, memoryVault } from '../../support/testCore';

const built = resolve(__dirname, '../../../out/main/importWorker.js');

/** A core whose workers are the importWorker.js (and checkpointWorker.js) in workersDir. */
function coreWithWorker(workersDir: string) {
  return createCore({
    db: openMemoryDatabase(),
    clock: new ManualClock(new Date('2026-03-02T09:00:00Z')),
    providers: {},
    log: silentLog,
    vault: memoryVault(),
    notifier: { notify: () => {} },
    env: { appName: 'Repdesk', version: 'test', dataDir: '/nonexistent', transport: 'http', testMode: true, systemTimeZone: 'UTC', workersDir },
  });
}

/** Workers readied and warmed up as ImportService.readyWorkers has them, and how many parses each has answered so far. */
async function readiedWorkers() {
  const readied = Array.from({ length: workerThreads() }, () => standbyWorker(built, true));
  await Promise.all(readied.map((r) => r.warm));
  const answered = readied.map(() => 0);
  readied.forEach((r, k) =>
    r.worker.on('message', (m: { type: string }) => {
      if (m.type === 'parsed') answered[k] = answered[k]! + 1;
    }),
  );
  return { workers: readied.map((r) => r.worker), answered };
}

describe('import worker', () => {
  it.skipIf(!existsSync(built))('reads CSV and XLSX in the built worker with the same outcome as inline (needs npm run build)', async () => {
    const core = coreWithWorker(dirname(built));
    const csv = await importFile(core, 'a.csv', csvBytes('Title row\nEmail,Name,Phone\na@x.com,Ann Lee,415 555 0132\nbad,Bob,\n\na@x.com,Ann Again,'), { tag: 'T' });
    expect(csv.summary.counts).toEqual({ total: 3, created: 1, updated: 0, duplicates: 1, suppressed: 0, rejected: 1, blank: 1 });
    expect(core.importIssues.page({ importId: csv.summary.id, outcome: 'rejected' }).rows[0]).toMatchObject({ rowNumber: 4, raw: { Email: 'bad', Name: 'Bob', Phone: '' } });
    expect(core.importIssues.page({ importId: csv.summary.id, outcome: 'duplicate' }).rows[0]).toMatchObject({ rowNumber: 6, raw: { Email: 'a@x.com', Name: 'Ann Again', Phone: '' } });
    const xlsx = await importFile(core, 'b.xlsx', await xlsxBytes([{ name: 'S', rows: [['Email', 'Phone'], ['b@x.com', 14155550133]] }]));
    expect(xlsx.summary.counts.created).toBe(1);
    const b = core.prospects.list({ search: 'b', tagId: null, importId: null, status: null, timeZone: null, sort: 'email', dir: 'asc', offset: 0, limit: 5 }).rows[0]!;
    expect(b.phone).toBe('+14155550133');
    // The area code's zone: the built worker finds the prefix data beside the bundle.
    expect(b.timeZone).toBe('America/Los_Angeles');
  });

  it.skipIf(!existsSync(built))('built workers readied before any file warm up on rows of their own, then import a file as any others would (needs npm run build)', async () => {
    const core = coreWithWorker(dirname(built));
    const file = csvBytes('Email,Name,Phone\na@x.com,Ann Lee,415 555 0132\nbad,Bob,\n\na@x.com,Ann Again,');
    const expected = { total: 3, created: 1, updated: 0, duplicates: 1, suppressed: 0, rejected: 1, blank: 1 };
    core.imports.readyWorkers();
    await core.imports.workersWarm();
    expect((await importFile(core, 'a.csv', file)).summary.counts).toEqual(expected);
    // Readied again once it ended: a file imported at once cuts their warm-up short.
    const again = await importFile(core, 'b.csv', csvBytes('Email,Name\nb@x.com,Bo\nc@x.com,Cy'));
    expect(again.summary.counts.created).toBe(2);
    await core.imports.workersWarm();
    core.close();
  });

  it.skipIf(!existsSync(built))('two workers share a big text file and the rows come out in file order, as inline', async () => {
    // Enough rows for many of the reader's batches, with rejects, blanks and in-file duplicates spread through them.
    const lines = ['Email,Name'];
    for (let i = 0; i < 40_000; i++) {
      if (i % 997 === 0) lines.push('');
      else if (i % 1009 === 0) lines.push(`broken-${i},Bad`);
      else lines.push(`p${i % 30_000}@x.com,Person ${i}`);
    }
    const bytes = csvBytes(lines.join('\n'));
    const outcome = async (core: ReturnType<typeof coreWithWorker>) => {
      const { summary } = await importFile(core, 'big.csv', bytes);
      const all = (outcome: 'rejected' | 'duplicate') => core.importIssues.page({ importId: summary.id, outcome, limit: 100_000 }).rows;
      const issues = [...all('rejected'), ...all('duplicate')].map((i) => `${i.rowNumber} ${i.reason}`);
      return { counts: summary.counts, issues };
    };
    const inline = await outcome(coreWithWorker(join(tmpdir(), 'no-such-build')));
    const shared = await outcome(coreWithWorker(dirname(built)));
    expect(inline.counts.duplicates).toBeGreaterThan(9000);
    expect(shared).toEqual(inline);
  });

  it.skipIf(!existsSync(built))('parses the chosen sheet of a workbook in the built worker and imports it, row numbers as in Excel', async () => {
    const core = coreWithWorker(dirname(built));
    const bytes = await xlsxBytes([
      { name: 'Read me', rows: [['Nothing to import here']] },
      { name: 'Hidden', state: 'hidden', rows: [['Email'], ['hidden@x.com']] },
      { name: 'Leads', rows: [['Fair leads'], [], ['Email', 'Met on'], ['c@x.com', new Date(Date.UTC(2026, 2, 1))], [], ['nope', null]] },
    ]);
    const { preview, summary } = await importFile(core, 'fair.xlsx', bytes, { sheet: 'Leads' });
    expect(preview.sheets).toEqual(['Read me', 'Leads']);
    expect(preview.rows).toEqual([['c@x.com', '2026-03-01'], ['nope', '']]);
    expect(summary.counts).toMatchObject({ total: 2, created: 1, rejected: 1, blank: 1 });
    expect(core.importIssues.page({ importId: summary.id, outcome: 'rejected' }).rows[0]).toMatchObject({ rowNumber: 6, raw: { Email: 'nope', 'Met on': '' } });
    expect(core.prospects.list({ search: 'c@x', tagId: null, importId: null, status: null, timeZone: null, sort: 'email', dir: 'asc', offset: 0, limit: 5 }).rows[0]!.customFields).toEqual({
      'Met on': '2026-03-01',
    });
  });

  it.skipIf(!existsSync(built))('hands a sheet it read whole over in shared memory, never copied on its way to the import', async () => {
    const bytes = await xlsxBytes([{ name: 'Leads', rows: [['Email', 'Name'], ['zoë@x.com', 'Zoë'], [], ['bo@x.com', 'Bo']] }]);
    const sheet = await workerParse(built, bytes, 'Leads', null);
    expect(sheet.text).toBeInstanceOf(Uint8Array);
    expect((sheet.text as Uint8Array).buffer).toBeInstanceOf(SharedArrayBuffer);
    expect([...unpackSheet(sheet, 10)].flat()).toEqual([['Email', 'Name'], ['zoë@x.com', 'Zoë'], [], ['bo@x.com', 'Bo']]);
  });

  it.skipIf(!existsSync(built))('previews a big sheet from its top in the built worker, parses it whole once, and imports every row', async () => {
    // About 10 MB of sheet XML: past the size a preview reads whole, and the size two workers share (each parses half).
    const rows: unknown[][] = [['Email', 'Name', 'Zip']];
    for (let i = 0; i < 80_000; i++) rows.push([`person${i}@example-company.com`, `Person Number ${i}`, 1000 + i]);
    const bytes = await xlsxBytes([{ name: 'Leads', rows, formats: { 2: '00000' } }]);
    const parses: string[] = [];
    const reader = openSheetReader('xlsx', bytes, (b, sheet, maxRows) => {
      parses.push(`${sheet} ${maxRows ?? 'all'}`);
      return workerParse(built, b, sheet, maxRows ?? null);
    });
    const top = await reader.head!('Leads', 40);
    expect(top).toHaveLength(40);
    expect(top[1]).toEqual(['person0@example-company.com', 'Person Number 0', '01000']);
    const whole = await reader.parsedSheet!('Leads');
    expect(whole.rowCount).toBe(80_001);
    const all = [...unpackSheet(whole, 100_000)].flat();
    expect(all.every((r, i) => i === 0 || r[0] === `person${i - 1}@example-company.com`)).toBe(true);
    expect(all[80_000]).toEqual(['person79999@example-company.com', 'Person Number 79999', '80999']);
    // The top is asked for first, and the whole sheet starts parsing at once beside it.
    expect(parses).toEqual(['Leads 40', 'Leads all']);

    const core = coreWithWorker(dirname(built));
    const { preview, summary } = await importFile(core, 'big.xlsx', bytes);
    expect(preview.rows[0]).toEqual(['person0@example-company.com', 'Person Number 0', '01000']);
    expect(summary.counts).toMatchObject({ total: 80_000, created: 80_000 });
    const last = core.prospects.list({ search: 'person79999', tagId: null, importId: null, status: null, timeZone: null, sort: 'email', dir: 'asc', offset: 0, limit: 5 }).rows[0]!;
    expect(last.customFields).toEqual({ Zip: '80999' });

    // Workers readied for an import take the shares of the whole sheet, and wait for the import after; the same
    // workers, stopped mid-parse (the file was closed), end.
    const { workers, answered } = await readiedWorkers();
    const ended = workers.map((w) => new Promise<'ended'>((done) => w.once('exit', () => done('ended'))));
    // The top goes to the first of them, which reads its share of the whole after it (as the preview asks for them).
    const readiedTop = workerParse(built, bytes, 'Leads', 40, undefined, undefined, workers);
    const shared = await workerParse(built, bytes, 'Leads', null, undefined, undefined, workers);
    expect(unpackSheet(await readiedTop, 100).next().value).toEqual(all.slice(0, 40));
    expect([...unpackSheet(shared, 100_000)].flat()).toEqual(all);
    expect(answered).toEqual(workers.map((_, k) => (k === 0 ? 2 : 1)));
    expect(await Promise.race([...ended, new Promise((done) => setTimeout(() => done('waiting'), 300))])).toBe('waiting');
    const stop = new AbortController();
    const parse = workerParse(built, bytes, 'Leads', null, undefined, stop.signal, workers);
    // Each share takes a good half second to parse: both are under way by now.
    setTimeout(() => stop.abort(), 100);
    await expect(parse).rejects.toThrow('Reading the workbook was stopped.');
    expect(await Promise.all(ended)).toEqual(workers.map(() => 'ended'));
    // Workers that ended are given nothing more: fresh ones read the sheet.
    const again = await workerParse(built, bytes, 'Leads', 40, undefined, undefined, workers);
    expect(unpackSheet(again, 100).next().value).toEqual(all.slice(0, 40));
    expect(answered[0]).toBe(2);
  });

  it.skipIf(!existsSync(built))('with readied workers, the rep can look at one big sheet, then another, and have the second read whole', async () => {
    // Each sheet past the size two workers share.
    const sheetRows = (tag: string) => [['Email', 'Name', 'Zip'], ...Array.from({ length: 80_000 }, (_, i) => [`${tag}${i}@example-company.com`, `Person ${tag} ${i}`, 1000 + i])];
    const bytes = await xlsxBytes([
      { name: 'Spring', rows: sheetRows('spring') },
      { name: 'Notes', rows: [['Read me']] },
      { name: 'Autumn', rows: sheetRows('autumn') },
    ]);
    expect(sheetShares(bytes, 'Spring', 2)).toBe(2);
    const { workers, answered } = await readiedWorkers();
    const reader = openSheetReader('xlsx', bytes, (b, sheet, maxRows, onProgress, signal) => workerParse(built, b, sheet, maxRows ?? null, onProgress, signal, workers));
    // The first sheet's top, read by the first readied worker, which then begins its share of the whole.
    expect((await reader.head!('Spring', 5))[1]).toEqual(['spring0@example-company.com', 'Person spring 0', '1000']);
    // A small sheet's top does not wait behind that share: another worker reads it (the first answers at most the
    // top and its share by then, never this top as well).
    expect(await reader.head!('Notes', 5)).toEqual([['Read me']]);
    expect(answered[0]).toBeLessThan(3);
    // Then a big sheet's top: the first sheet's parse has been stopped, and workers that end are given nothing more.
    expect((await reader.head!('Autumn', 5))[1]).toEqual(['autumn0@example-company.com', 'Person autumn 0', '1000']);
    const whole = await reader.parsedSheet!('Autumn');
    expect(whole.rowCount).toBe(80_001);
    expect([...unpackSheet(whole, 100_000)].flat()[80_000]).toEqual(['autumn79999@example-company.com', 'Person autumn 79999', '80999']);
    for (const w of workers) await w.terminate();
  });

  it.skipIf(!existsSync(built))('a damaged workbook or a missing sheet is refused as clearly when the worker parses it', async () => {
    const core = coreWithWorker(dirname(built));
    const whole = await xlsxBytes([{ name: 'Leads', rows: [['Email'], ['a@x.com']] }]);
    const { importId } = core.imports.create('cut.xlsx', Math.floor(whole.byteLength / 2));
    core.imports.append(importId, 0, whole.subarray(0, Math.floor(whole.byteLength / 2)));
    await expect(core.imports.preview(importId)).rejects.toMatchObject({ name: 'UserError', code: 'invalid_request', message: expect.stringMatching(/could not be read/) });
    const { importId: second } = core.imports.create('one.xlsx', whole.byteLength);
    core.imports.append(second, 0, whole);
    const preview = await core.imports.preview(second);
    await expect(core.imports.start({ importId: second, sheet: 'Contacts', mapping: preview.suggested, tag: null, duplicatePolicy: 'skip' })).rejects.toMatchObject({
      name: 'UserError',
      code: 'not_found',
    });
    expect(core.imports.isRunning()).toBe(false);
  });

  it('passes on how far a worker has read a sheet, then its rows', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'repdesk-worker-'));
    const reader = join(dir, 'importWorker.js');
    writeFileSync(
      reader,
      `const { parentPort } = require('node:worker_threads');
       parentPort.postMessage({ type: 'progress', fraction: 0.5 });
       parentPort.postMessage({ type: 'progress', fraction: 1 });
       const text = { sheet: 'Leads', rowCount: 1, format: 'separated', text: 'a@x.com' };
       parentPort.postMessage({ type: 'parsed', result: { sheet: 'Leads', runs: [{ index: 0, firstRow: 0, text }] } });`,
    );
    const heard: number[] = [];
    const sheet = await workerParse(reader, new Uint8Array([1, 2, 3]), 'Leads', null, (f) => heard.push(f));
    expect(heard).toEqual([0.5, 1]);
    expect(sheet.rowCount).toBe(1);
  });

  /** A stand-in workbook reader: answers a sheet's top at once, and reads a whole sheet until it is stopped. */
  function slowWholeSheetWorker(): string {
    const dir = mkdtempSync(join(tmpdir(), 'repdesk-worker-'));
    const path = join(dir, 'importWorker.js');
    writeFileSync(
      path,
      `const { parentPort, workerData } = require('node:worker_threads');
       if (workerData.maxRows !== null) {
         const rows = ['Email\u001fName'];
         for (let i = 0; i < workerData.maxRows; i++) rows.push('p' + i + '@x.com\u001fPerson ' + i);
         parentPort.postMessage({ type: 'parsed', result: { sheet: 'Leads', rowCount: rows.length, format: 'separated', text: rows.join('\u001e'), truncated: true } });
       } else {
         parentPort.postMessage({ type: 'progress', fraction: 0.1 });
         setInterval(() => {}, 1000);
       }`,
    );
    return path;
  }

  it('stops a sheet being read when asked, ending its worker', async () => {
    const stop = new AbortController();
    // Stopped once it has begun (it says how far it has read), and before it begins.
    const reading = workerParse(slowWholeSheetWorker(), new Uint8Array([1, 2, 3]), 'Leads', null, () => stop.abort(), stop.signal);
    await expect(reading).rejects.toMatchObject({ name: 'UserError', message: expect.stringMatching(/stopped/) });
    await expect(workerParse(slowWholeSheetWorker(), new Uint8Array([1]), 'Leads', null, undefined, stop.signal)).rejects.toMatchObject({ message: expect.stringMatching(/stopped/) });
  });

  it('an Import clicked while a big sheet is still being read can be cancelled: it never begins, and dropping the file stops the read', async () => {
    // About 5 MB of sheet XML: the preview reads its top, and the whole sheet is read in the background (never ending here).
    const rows: unknown[][] = [['Email', 'Name']];
    for (let i = 0; i < 40_000; i++) rows.push([`person${i}@example-company.com`, `Person Number ${i}`]);
    const bytes = await xlsxBytes([{ name: 'Leads', rows }]);
    const core = coreWithWorker(dirname(slowWholeSheetWorker()));
    const { importId } = core.imports.create('big.xlsx', bytes.byteLength);
    core.imports.append(importId, 0, bytes);
    const preview = await core.imports.preview(importId);
    expect(preview.rows[0]).toEqual(['p0@x.com', 'Person 0']);
    const starting = core.imports.start({ importId, sheet: preview.sheet, mapping: preview.suggested, tag: null, duplicatePolicy: 'skip' });
    await new Promise((r) => setTimeout(r, 20));
    expect(core.imports.cancel(importId)).toEqual({ cancelled: true });
    await expect(starting).rejects.toMatchObject({ name: 'UserError', message: expect.stringMatching(/cancelled before it began; nothing was imported/) });
    expect(core.imports.isRunning()).toBe(false);
    expect(core.imports.get(importId).status).toBe('ready');
    expect(core.imports.discard(importId)).toEqual({ discarded: true });
    expect(core.navCounts().prospects).toBe(0);
  });

  it('workers started as a text file arrives (a workbook only once previewed) read it ahead, then take the import when Import is clicked', async () => {
    // A stand-in that notes how its task came (workerData, or a message to a worker on standby) and ends with no rows;
    // a worker on standby first hears which file to read ahead.
    const dir = mkdtempSync(join(tmpdir(), 'repdesk-worker-'));
    const note = join(dir, 'tasks.txt');
    writeFileSync(
      join(dir, 'importWorker.js'),
      `const { parentPort, workerData } = require('node:worker_threads');
       const { appendFileSync } = require('node:fs');
       const take = (task, how) => { appendFileSync(${JSON.stringify(note)}, task.task + ' by ' + how + '\\n'); parentPort.postMessage({ type: 'end' }); };
       const listen = (m) => {
         if (m.type === 'prepare') return appendFileSync(${JSON.stringify(note)}, 'prepare ' + m.uploadId + ' ' + m.plan.kind + ' ' + m.input.bytes.byteLength + ' bytes, delimiter ' + m.plan.textFormat.delimiter + '\\n');
         parentPort.off('message', listen);
         take(m, 'message');
       };
       if (workerData.task === 'standby') {
         appendFileSync(${JSON.stringify(note)}, 'standby\\n');
         parentPort.on('message', listen);
       } else take(workerData, 'workerData');`,
    );
    const core = coreWithWorker(dir);
    const noted = () => (existsSync(note) ? readFileSync(note, 'utf8').split('\n').filter(Boolean) : []);
    // A text file's workers start as its first bytes arrive, before its preview.
    const file = csvBytes('email;name\na@x.com;Ann');
    const first = core.imports.create('a.csv', file.byteLength);
    core.imports.append(first.importId, 0, file);
    await expect.poll(noted, { timeout: 10_000 }).toEqual(Array.from({ length: workerThreads() }, () => 'standby'));
    core.imports.discard(first.importId);
    const { summary } = await importFile(core, 'a.csv', file);
    expect(summary.status).toBe('done');
    const lines = noted().filter((l) => l !== 'standby');
    // They hear the file's delimiter as the preview found it, so as not to guess it again.
    expect(lines.filter((l) => l.startsWith('prepare'))).toEqual(Array.from({ length: workerThreads() }, () => `prepare ${summary.id} delimited ${file.byteLength} bytes, delimiter ;`));
    expect(lines.filter((l) => !l.startsWith('prepare'))).toEqual(Array.from({ length: workerThreads() }, () => 'import by message'));
    // A workbook's arriving starts none: its preview parses it on both cores first.
    writeFileSync(note, '');
    const workbook = await xlsxBytes([{ name: 'Leads', rows: [['Email'], ['c@x.com']] }]);
    const book = core.imports.create('c.xlsx', workbook.byteLength);
    core.imports.append(book.importId, 0, workbook);
    // (A worker started here would have noted so well within a second.)
    await new Promise((r) => setTimeout(r, 1000));
    expect(noted()).toEqual([]);
    core.imports.discard(book.importId);
    // The next file, once previewed, gets workers of its own; dropping it ends them unused.
    const next = csvBytes('email\nb@x.com');
    const { importId } = core.imports.create('b.csv', next.byteLength);
    core.imports.append(importId, 0, next);
    await core.imports.preview(importId);
    expect(core.imports.discard(importId)).toEqual({ discarded: true });
    core.close();
  });

  it('workers readied before any file warm up, take the next import, and are started again while an import may still come', async () => {
    // A stand-in that notes each start and how its task came. It says it is warm only once its task came, as a real
    // one whose warm-up the task cut short does: the import does not take that for one of its chunks.
    const dir = mkdtempSync(join(tmpdir(), 'repdesk-worker-'));
    const note = join(dir, 'tasks.txt');
    writeFileSync(
      join(dir, 'importWorker.js'),
      `const { parentPort, workerData } = require('node:worker_threads');
       const { appendFileSync } = require('node:fs');
       appendFileSync(${JSON.stringify(note)}, workerData.task + '\\n');
       parentPort.on('message', (m) => {
         if (m === 'more' || m.type === 'prepare') return;
         appendFileSync(${JSON.stringify(note)}, m.task + ' by message\\n');
         parentPort.postMessage({ type: 'warm' });
         parentPort.postMessage({ type: 'end' });
       });`,
    );
    const bus = new EventBus();
    const db = openMemoryDatabase();
    const imports = new ImportService({ db, clock: new ManualClock(new Date('2026-03-02T09:00:00Z')), bus, log: silentLog, settings: new SettingsService(db, bus, 'UTC'), changed: () => {}, workerPath: join(dir, 'importWorker.js'), keepReadyMs: 1500, refillAfterImportMs: 50 });
    // What the workers noted, in any order (they run side by side).
    const noted = () => (existsSync(note) ? readFileSync(note, 'utf8').split('\n').filter(Boolean).sort() : []);
    const standby = Array.from({ length: workerThreads() }, () => 'standby');
    const imported = standby.map(() => 'import by message');
    const importCsv = async () => {
      const file = csvBytes('email\na@x.com');
      const { importId } = imports.create('a.csv', file.byteLength);
      imports.append(importId, 0, file);
      const preview = await imports.preview(importId);
      await imports.start({ importId, sheet: null, mapping: preview.suggested, tag: null, duplicatePolicy: 'skip' });
      await imports.idle();
      return imports.get(importId).status;
    };

    expect(imports.readyWorkers()).toEqual({ ready: true });
    await expect.poll(noted, { timeout: 10_000 }).toEqual(standby);
    // Asked again, while they wait: no more start.
    imports.readyWorkers();
    // The file's arriving starts none either: they are there. The import takes them, and fresh ones start once it ends.
    expect(await importCsv()).toBe('done');
    await expect.poll(noted, { timeout: 10_000 }).toEqual([...imported, ...standby, ...standby]);
    // Closing a file they read ahead ends them; fresh ones start.
    writeFileSync(note, '');
    const file = csvBytes('email\nb@x.com');
    const { importId } = imports.create('b.csv', file.byteLength);
    imports.append(importId, 0, file);
    await imports.preview(importId);
    imports.discard(importId);
    await expect.poll(noted, { timeout: 10_000 }).toEqual(standby);
    // Once no import came for keepReadyMs they are let go: the next file starts its own as it arrives, and none
    // are started after it.
    await new Promise((r) => setTimeout(r, 1800));
    writeFileSync(note, '');
    expect(await importCsv()).toBe('done');
    await new Promise((r) => setTimeout(r, 500));
    expect(noted()).toEqual([...imported, ...standby]);
    // Asked while a workbook waits (its sheet may be parsing on both cores), none start: its preview starts them.
    writeFileSync(note, '');
    const workbook = await xlsxBytes([{ name: 'Leads', rows: [['Email'], ['c@x.com']] }]);
    const book = imports.create('c.xlsx', workbook.byteLength);
    imports.append(book.importId, 0, workbook);
    imports.readyWorkers();
    await new Promise((r) => setTimeout(r, 500));
    expect(noted()).toEqual([]);
    // Closed, it leaves the way to readied ones.
    imports.discard(book.importId);
    await expect.poll(noted, { timeout: 10_000 }).toEqual(standby);
    imports.close();
    // Without a built worker, nothing is readied.
    expect(makeTestCore().core.imports.readyWorkers()).toEqual({ ready: false });
  });

  it('a worker that dies fails the import cleanly, saving nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'repdesk-worker-'));
    const broken = join(dir, 'importWorker.js');
    writeFileSync(broken, "throw new Error('worker exploded');");
    const core = coreWithWorker(dirname(broken));
    const { summary } = await importFile(core, 'a.csv', csvBytes('email\na@x.com'));
    expect(summary.status).toBe('failed');
    expect(summary.failure).toMatch(/nothing from it was saved/);
    expect(core.navCounts().prospects).toBe(0);
  });
});
