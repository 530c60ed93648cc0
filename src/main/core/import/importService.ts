// Import as the rep drives it: upload, preview and mapping, start, progress, cancel; one import runs at a time.
import type { DuplicatePolicy, ImportCounts, ImportedProspects, ImportPreview, ImportSummary } from '../../../shared/contract/imports';
import type { ColumnTarget } from '../../../shared/import/headerMapping';
import type { Clock } from '../clock';
import type { Db } from '../db/open';
import { importQueries, type ImportRow } from '../db/queries/imports';
import { suppressionQueries } from '../db/queries/suppressions';
import type { EventBus } from '../eventBus';
import { UserError, notFound } from '../errors';
import type { Log } from '../log';
import type { SettingsService } from '../settings/settingsService';
import { readLayout, type SheetLayout } from './preview';
import { cellsOf, stagedChunks, type ImportPlan } from './stagedChunks';
import { readerOf, type ParseXlsxSheet, type SheetReader } from './sheetReader';
import { emptyCounts, runImport } from './runImport';
import type { IndexesElsewhere } from './promoteImport';
import { standbyWorker, workerParse, workerThreads, type WorkerInput } from './workerChunks';
import { sharedWorkerChunks } from './sharedWorkerChunks';
import type { PrepareMessage } from './standbyPreparation';
import type { Worker } from 'node:worker_threads';
import { suppressionMatcher } from './suppressionMatcher';
import { Uploads } from './uploads';
import { openWriterConnection } from './writerConnection';
import { chunkFolders, type ChunkFolders } from './chunkFolders';
import { walCheckpointer, type WalCheckpointer } from '../db/walCheckpointer';

export interface ImportServiceDeps {
  db: Db;
  clock: Clock;
  bus: EventBus;
  log: Log;
  settings: SettingsService;
  /** Called after an import changed prospects, so the navigation counts follow. */
  changed(reason: string): void;
  /** The built worker entry; null runs reading and normalising inline (tests, benchmarks without a build). */
  workerPath?: string | null;
  /** Checkpoints the log after an import commits, in a worker where one is built; by default SQLite does it at the commit. */
  checkpointer?: WalCheckpointer;
  /** Where a big bulk load's indexes are built in a worker thread (promoteImport.ts); null or absent: on this thread. */
  indexesElsewhere?: IndexesElsewhere | null;
  /** Rows between two checkpoints of the log while an import runs (tests set it small). */
  checkpointEveryRows?: number;
  /** How long workers readied for an import wait for it (readyWorkers; tests set it small). */
  keepReadyMs?: number;
  /** How long after an import its readied workers are replaced (readyWorkers; tests set it small). */
  refillAfterImportMs?: number;
}

export function toSummary(r: ImportRow): ImportSummary {
  return {
    id: r.id,
    fileName: r.file_name,
    fileSize: r.file_size,
    sheet: r.sheet,
    tag: r.tag,
    duplicatePolicy: r.duplicate_policy,
    status: r.status,
    failure: r.failure,
    counts: {
      total: r.total_rows,
      created: r.created_count,
      updated: r.updated_count,
      duplicates: r.duplicate_count,
      suppressed: r.suppressed_count,
      rejected: r.rejected_count,
      blank: r.blank_count,
    },
    openIssues: r.open_issues ?? 0,
    createdAt: r.created_at,
    finishedAt: r.finished_at,
  };
}

/**
 * Rows between two background checkpoints of the log during an import: the log grows to some 330 MB at most. Each
 * checkpoint competes with the import for the 2 cores, so the window waited longer meanwhile: checkpointing every
 * 500,000 rows instead of every 200,000 took a million-row import from about 22 s to 20 s, and its longest wait
 * from about 0.3 s to 0.23 s.
 */
const checkpointEveryRows = 500_000;

/**
 * How long import workers readied for an import that may come (readyWorkers) wait for it before they are let go: two
 * warmed-up workers hold about 150 MB.
 */
export const keepReadyMs = 10 * 60_000;

/**
 * How long after an import ends its workers are replaced (while another may come soon): the warm-up keeps both cores
 * busy for about a second, which the rep's first look at the imported prospects should not share.
 */
export const refillAfterImportMs = 2000;

export class ImportService {
  private readonly q;
  private readonly uploads;
  private readonly writer;
  private readonly chunkFolders: ChunkFolders;
  private readonly checkpointer: WalCheckpointer;
  private running: { importId: number; cancelled: boolean; done: Promise<void> } | null = null;
  /** Import workers started ahead of an import, waiting for it (see standbyWorker and readyWorkers). */
  private standby: Worker[] = [];
  /** Settles once the workers on standby have warmed up. */
  private standbyWarm: Promise<unknown> = Promise.resolve();
  /** Until when an import may come soon (readyWorkers): workers it would use are kept ready until then. */
  private readyUntil = 0;
  private release: NodeJS.Timeout | null = null;
  private closed = false;
  /** An import whose Import was clicked while its workbook sheet is still being read: Cancel stops the wait. */
  private starting: { importId: number; cancel: () => void } | null = null;

  constructor(private readonly deps: ImportServiceDeps) {
    this.q = importQueries(deps.db);
    // A workbook sheet is parsed off the main thread where there is a worker: its top for the preview, then all of it once.
    const workerPath = deps.workerPath;
    // A whole sheet's shares go to the workers on standby, where there are (they are readied, see readyWorkers).
    const parse: ParseXlsxSheet | undefined = workerPath ? (bytes, sheet, maxRows, onProgress, signal) => workerParse(workerPath, bytes, sheet, maxRows ?? null, onProgress, signal, [...this.standby]) : undefined;
    this.uploads = new Uploads(parse, (importId, fraction) =>
      deps.bus.emit('import.sheetRead', { importId, fraction }),
    );
    this.checkpointer = deps.checkpointer ?? walCheckpointer(null, null, deps.log);
    this.writer = openWriterConnection(deps.db, { checkpointElsewhere: this.checkpointer.inBackground });
    // Chunk files a previous run left behind (it stopped mid-import) are deleted; so are the prospects it had added.
    this.chunkFolders = chunkFolders(deps.db);
    this.q.recoverInterrupted();
  }

  create(fileName: string, size: number): { importId: number } {
    const importId = this.q.create(fileName, size, this.deps.clock.now());
    this.uploads.create(importId, fileName, size);
    return { importId };
  }

  append(importId: number, offset: number, bytes: Uint8Array): { received: number } {
    try {
      const received = this.uploads.append(importId, offset, bytes);
      // A text file's import workers get ready while it arrives and previews (a workbook's preview needs the cores).
      if (offset === 0 && this.uploads.get(importId).kind === 'delimited') this.warmWorkers();
      return { received };
    } catch (err) {
      // A file we cannot read is refused on its first bytes; nothing is kept.
      if (offset === 0) this.discard(importId);
      throw err;
    }
  }

  async preview(importId: number, sheet?: string | null): Promise<ImportPreview> {
    const { upload, reader, partial } = this.uploads.previewReader(importId);
    const sheets = await reader.sheetNames();
    if (reader.kind === 'xlsx' && sheets.length === 0) throw new UserError('invalid_request', 'This workbook has no visible sheets. Unhide a sheet in Excel, save, and drop it again.');
    const chosen = reader.kind === 'xlsx' ? (sheet && sheets.includes(sheet) ? sheet : sheets[0]!) : null;
    const layout = await readLayout(reader, chosen);
    upload.layouts.set(chosen ?? '', layout);
    this.q.setStatus(importId, 'ready', null, null);
    // The rep will spend a few seconds on the mapping: the import's workers get ready meanwhile, unless they were
    // readied before (a text file's began as it arrived; a workbook's only now, so that they do not slow its
    // preview's parse down), and read the file ahead of the import (standbyPreparation.ts): a text file at once, a
    // workbook's sheet once it is parsed whole (which began with the preview, see SheetReader.head).
    this.warmWorkers();
    const readAhead = (input: WorkerInput) => this.readAhead({ type: 'prepare', uploadId: importId, input, plan: this.reading(reader, layout, layout.suggested) });
    if (reader.kind !== 'xlsx' && upload.bytes) readAhead({ bytes: upload.bytes });
    // Unless the file was dropped meanwhile; a sheet that fails to parse says so when Import asks for it.
    else reader.parsedSheet?.(chosen).then((st) => this.uploads.has(importId) && readAhead({ sheet: st }), () => undefined);
    return {
      importId,
      fileName: upload.fileName,
      kind: reader.kind,
      encoding: reader.format?.encoding ?? null,
      delimiter: reader.format?.delimiter ?? null,
      sheets,
      sheet: chosen,
      hasHeader: layout.hasHeader,
      headerRowNumber: layout.headerIndex + 1,
      headers: layout.headers,
      rows: layout.rows,
      suggested: layout.suggested,
      strayQuotes: reader.strayQuotes ? { ...reader.strayQuotes, wholeFile: !partial } : null,
    };
  }

  async start(req: { importId: number; sheet: string | null; mapping: ColumnTarget[]; tag: string | null; duplicatePolicy: DuplicatePolicy }): Promise<ImportSummary> {
    if (this.running) throw new UserError('conflict', 'Another import is running. Wait for it to finish or cancel it first.');
    if (this.starting) throw new UserError('conflict', 'Another import is starting. Wait for it, or cancel it first.');
    const { upload, reader: previewReader } = this.uploads.previewReader(req.importId);
    const layout = upload.layouts.get(req.sheet ?? '') ?? (await readLayout(previewReader, req.sheet));
    if (req.mapping.length > layout.headers.length) throw new UserError('invalid_request', 'The mapping has more columns than the sheet. Reload the preview and map again.');
    const emailColumns = req.mapping.filter((t) => t.kind === 'field' && t.field === 'email').length;
    if (emailColumns !== 1) {
      throw new UserError('invalid_request', emailColumns === 0 ? 'Choose the column that holds the email address; every prospect needs one.' : 'Map only one column to Email.');
    }
    const workerPath = this.deps.workerPath;
    // A workbook goes to the worker as the sheet its preview parsed (parsed now only if the preview did not); a text file as its bytes.
    const workerInput: WorkerInput | null = !workerPath ? null : previewReader.parsedSheet ? { sheet: await this.untilCancelled(req.importId, previewReader.parsedSheet(req.sheet)) } : { bytes: upload.bytes! };
    // Reading the layout or the sheet may have waited: the file may have been dropped, or another import begun, meanwhile.
    this.uploads.get(req.importId);
    if (this.running) throw new UserError('conflict', 'Another import is running. Wait for it to finish or cancel it first.');
    const tag = req.tag?.trim() || null;
    this.q.start(req.importId, { sheet: req.sheet, tag, policy: req.duplicatePolicy, mapping: JSON.stringify({ headers: layout.headers, targets: req.mapping }) });
    const state = { importId: req.importId, cancelled: false, done: Promise.resolve() };
    this.running = state;
    let lastEmit = 0;
    let checkpointedAt = 0;
    const emit = (status: ImportSummary['status'], processed: number, counts: ImportCounts, failure: string | null = null, fraction: number | null = null, saving = false) =>
      this.deps.bus.emit('import.progress', { importId: req.importId, status, processed, counts: { ...counts }, failure, fraction, saving });
    emit('running', 0, emptyCounts());
    const suppression = suppressionQueries(this.deps.db).list();
    const stagingDir = this.chunkFolders.folderFor(req.importId);
    const plan: ImportPlan = {
      ...this.reading(previewReader, layout, req.mapping),
      sheet: req.sheet,
      stagingDir,
      suppression: suppression.map((e) => ({ kind: e.kind, value: e.value })),
      uploadId: req.importId,
    };
    // In workers, reading, normalising and writing the chunk files run beside this thread, which takes the chunks in.
    // Each worker normalises every other chunk, reading only its own where the file can be split (stagedChunks.ts).
    const inline = workerPath && workerInput ? null : this.uploads.reader(req.importId).reader;
    const chunks = inline ? stagedChunks(inline, plan) : sharedWorkerChunks(workerPath!, workerInput!, plan, workerThreads(), this.standby.splice(0));
    // Duplicates are kept as the file had them: the file (or the parsed sheet) stays until the import ends, to read
    // their rows again. The workers hold their own copies; the upload's decoded reader is let go.
    const reread = (): SheetReader => {
      if (inline) return inline;
      const input = workerInput!;
      return readerOf(input, plan);
    };
    if (!inline) {
      upload.bytes = null;
      upload.reader = null;
    }
    state.done = runImport(this.writer.writer, {
      importId: req.importId,
      chunks,
      headers: layout.headers,
      tag,
      policy: req.duplicatePolicy,
      suppression: suppressionMatcher(suppression),
      currentSuppression: () => suppressionMatcher(suppressionQueries(this.deps.db).list()),
      now: () => this.deps.clock.now(),
      isCancelled: () => state.cancelled,
      onProgress: (processed, counts, fraction) => {
        // A big import's chunks pile up in the log: checkpoint it in the background as it goes, so that neither the
        // log's size nor the app's next commit (which would copy it all on the main thread) grows with the file.
        if (processed - checkpointedAt >= (this.deps.checkpointEveryRows ?? checkpointEveryRows)) {
          checkpointedAt = processed;
          this.checkpointer.soon();
        }
        // Progress is for the eye: a few updates a second are enough, whatever the file size.
        const t = performance.now();
        if (t - lastEmit < 150) return;
        lastEmit = t;
        emit('running', processed, counts, null, fraction);
      },
      onSaving: (counts, fraction) => emit('running', counts.total, counts, null, fraction, true),
      cellsOf: (rowNumbers) => cellsOf(reread(), req.sheet, rowNumbers),
      indexesElsewhere: this.deps.indexesElsewhere ?? null,
    })
      .then((outcome) => {
        if (outcome.status === 'cancelled') this.q.setStatus(req.importId, 'cancelled', null, this.deps.clock.now());
        emit(outcome.status, outcome.counts.total, outcome.status === 'done' ? outcome.counts : emptyCounts());
        this.checkpointer.soon();
        // A cancelled import's prospects came and went: the screens that listed them refresh too.
        this.deps.changed('import');
      })
      .catch((err: unknown) => {
        const message = err instanceof UserError ? err.message : 'The import stopped on an unexpected error; nothing from it was saved. Try again, or export the file again from its source.';
        if (!(err instanceof UserError)) this.deps.log.error('Import failed', { error: err instanceof Error ? err.stack : String(err) });
        this.q.setStatus(req.importId, 'failed', message, this.deps.clock.now());
        emit('failed', 0, emptyCounts(), message);
        this.deps.changed('import');
      })
      .finally(() => {
        this.running = null;
        this.uploads.discard(req.importId);
        this.chunkFolders.remove(stagingDir);
        setTimeout(() => this.refill(), this.deps.refillAfterImportMs ?? refillAfterImportMs).unref();
      });
    return this.get(req.importId);
  }

  /**
   * The rep may import soon (the Prospects screen is open, a file is dragged over the window): the import's workers
   * start now and warm up on rows of their own (warmUpSample.ts), so that an Import clicked the moment a file's
   * preview shows finds their code loaded and compiled (about 0.3 s sooner over 100,000 rows). Used up by an import
   * (refillAfterImportMs after it ends) or a closed file, they are started again, until keepReadyMs after the last
   * call; then they are let go, unless a file is waiting for its import.
   */
  readyWorkers(): { ready: boolean } {
    if (!this.deps.workerPath) return { ready: false };
    const keepMs = this.deps.keepReadyMs ?? keepReadyMs;
    this.readyUntil = Date.now() + keepMs;
    if (this.release) clearTimeout(this.release);
    this.release = setTimeout(() => {
      this.release = null;
      if (!this.running && !this.uploads.any()) this.stopStandby();
    }, keepMs);
    this.release.unref();
    this.refill();
    return { ready: true };
  }

  /** Settles once the workers on standby (if any) have warmed up: a benchmark waits for it, as the rep would be a few seconds away. */
  async workersWarm(): Promise<void> {
    await this.standbyWarm;
  }

  /**
   * Workers used up or stopped are started again while an import may still come soon (readyWorkers); not while a file
   * waits for its import: it has started its own, or will once previewed (a workbook's sheet may be parsing meanwhile).
   */
  private refill(): void {
    if (Date.now() < this.readyUntil && !this.running && !this.closed && !this.uploads.any()) this.warmWorkers(true);
  }

  /**
   * Starts the workers on standby, if there are none. Readied before any file (warmUp), they warm up on rows of their
   * own; started for a file, they warm up on its rows once told it (a workbook's only once its sheet is parsed: a
   * warm-up meanwhile would slow the parse down).
   */
  private warmWorkers(warmUp = false): void {
    const path = this.deps.workerPath;
    if (!path || this.standby.length > 0) return;
    const started = Array.from({ length: workerThreads() }, () => standbyWorker(path, warmUp));
    this.standby = started.map(({ worker }) => {
      worker.once('exit', () => (this.standby = this.standby.filter((w) => w !== worker)));
      return worker;
    });
    this.standbyWarm = Promise.all(started.map((s) => s.warm));
  }

  /** How the file is read and mapped, as its preview found it: what an import's plan and a read-ahead share. */
  private reading(reader: SheetReader, layout: SheetLayout, mapping: ColumnTarget[]): PrepareMessage['plan'] {
    const settings = this.deps.settings.get();
    return {
      kind: reader.kind,
      headerIndex: layout.headerIndex,
      hasHeader: layout.hasHeader,
      headers: layout.headers,
      mapping,
      defaultCountry: settings.defaultCountry,
      repTimeZone: settings.timeZone,
      ...(reader.format ? { textFormat: reader.format } : {}),
    };
  }

  /**
   * Has the workers on standby, if any (none once the import began or the file was dropped), read a file ahead; the
   * last file told wins. A text file's bytes are in shared memory, as is a big sheet's text: every worker reads them
   * where they are.
   */
  private readAhead(prepare: PrepareMessage): void {
    for (const w of this.standby) w.postMessage(prepare);
  }

  private stopStandby(): void {
    for (const w of this.standby.splice(0)) void w.terminate();
  }

  /**
   * Waits for the sheet the import reads (a big workbook's may take a while yet); cancel() ends the wait, and the
   * import never begins. The read itself goes on in the background, for an Import clicked again.
   */
  private async untilCancelled<T>(importId: number, pending: Promise<T>): Promise<T> {
    const cancelled = new Promise<never>((_, reject) => {
      this.starting = { importId, cancel: () => reject(new UserError('conflict', 'The import was cancelled before it began; nothing was imported.')) };
    });
    try {
      return await Promise.race([pending, cancelled]);
    } finally {
      this.starting = null;
    }
  }

  cancel(importId: number): { cancelled: boolean } {
    if (this.starting?.importId === importId) {
      this.starting.cancel();
      return { cancelled: true };
    }
    if (this.running?.importId !== importId) return { cancelled: false };
    this.running.cancelled = true;
    return { cancelled: true };
  }

  /** Resolves when the running import (if any) has ended; for tests, benchmarks and shutdown. */
  async idle(): Promise<void> {
    await this.running?.done;
  }

  /** Resolves once the import's log pages are checkpointed too (benchmarks, shutdown). */
  async settled(): Promise<void> {
    await this.idle();
    await this.checkpointer.idle();
  }

  isRunning(): boolean {
    return this.running !== null;
  }

  discard(importId: number): { discarded: boolean } {
    if (this.running?.importId === importId) throw new UserError('conflict', 'This import is running; cancel it instead.');
    const had = this.uploads.discard(importId);
    // They read the file ahead: fresh ones are started for the next, if one may come soon.
    this.stopStandby();
    this.refill();
    this.q.discardUnstarted(importId);
    return { discarded: had };
  }

  /**
   * The prospects a finished import created or updated (to enroll them), and the ones it created as suppressed
   * (the enrollment refuses those with the reason), read from the store: the same after a restart.
   */
  prospectsOf(importId: number): ImportedProspects {
    const row = this.q.get(importId);
    if (!row) throw notFound('That import');
    if (row.status !== 'done') throw new UserError('conflict', 'Only a finished import can be enrolled. Import the file, then enroll its prospects.');
    const created = this.q.createdBy(importId);
    const updated = this.q.updatedBy(importId);
    // The engine refuses a suppressed prospect with the reason, so those it created as suppressed are listed apart.
    const enrollable = [...created.filter((r) => r.status !== 'suppressed').map((r) => r.id), ...updated];
    return { enrollable, suppressed: created.filter((r) => r.status === 'suppressed').map((r) => r.id) };
  }

  get(importId: number): ImportSummary {
    const row = this.q.get(importId);
    if (!row) throw notFound('That import');
    return toSummary(row);
  }

  list(): ImportSummary[] {
    return this.q.list().map(toSummary);
  }

  close(): void {
    if (this.running) this.running.cancelled = true;
    this.closed = true;
    if (this.release) clearTimeout(this.release);
    this.stopStandby();
    this.writer.close();
  }
}
