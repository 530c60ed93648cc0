// Methods for spreadsheet import: upload in chunks, preview and mapping, start, progress, cancel, and the rows it could not take.
import { z } from 'zod';
import { prospectFields } from '../domain/prospect';
import { method } from './define';

const id = z.number().int().positive();

export const ColumnTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('field'), field: z.enum(prospectFields) }),
  z.object({ kind: z.literal('custom'), name: z.string().trim().min(1).max(120) }),
  z.object({ kind: z.literal('ignore') }),
]);

export const duplicatePolicies = ['skip', 'fill_empty', 'overwrite'] as const;
export type DuplicatePolicy = (typeof duplicatePolicies)[number];

/** Largest piece of a file sent in one call; a file of any size travels once, in order, in pieces this big. */
export const uploadChunkBytes = 4 * 1024 * 1024;
export const maxImportBytes = 1024 * 1024 * 1024;
/**
 * A text file is read as one string, and JavaScript strings stop at about 536 million characters: past 500 MB (some
 * 3.5 million rows of a dozen columns) the rep is asked to split it.
 */
export const maxTextImportBytes = 500 * 1024 * 1024;

/** A file size as the rep reads it, in the units the limits above are set in: "500 MB", "1 GB". */
export function sizeText(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return mb >= 1024 ? `${(mb / 1024).toLocaleString('en-US', { maximumFractionDigits: 1 })} GB` : `${Math.round(mb).toLocaleString('en-US')} MB`;
}

export const ImportPreviewSchema = z.object({
  importId: id,
  fileName: z.string(),
  kind: z.enum(['delimited', 'xlsx']),
  encoding: z.string().nullable(),
  delimiter: z.string().nullable(),
  sheets: z.array(z.string()),
  sheet: z.string().nullable(),
  hasHeader: z.boolean(),
  /** 1-based row of the header (or of the first data row when there is no header). */
  headerRowNumber: z.number().int(),
  headers: z.array(z.string()),
  rows: z.array(z.array(z.string())),
  suggested: z.array(ColumnTargetSchema),
  /**
   * Text files: fields that open a quote which never closes properly (`"Big" Corp`), read with their quotes as
   * ordinary characters so the rows after them stay rows; counted in the whole file, or in its first part (the
   * preview's) for a big one.
   */
  strayQuotes: z.object({ fields: z.number().int(), firstRow: z.number().int(), wholeFile: z.boolean() }).nullable(),
});
export type ImportPreview = z.infer<typeof ImportPreviewSchema>;

export const ImportCountsSchema = z.object({
  total: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  duplicates: z.number().int(),
  suppressed: z.number().int(),
  rejected: z.number().int(),
  blank: z.number().int(),
});
export type ImportCounts = z.infer<typeof ImportCountsSchema>;

export const importStatuses = ['uploading', 'ready', 'running', 'done', 'cancelled', 'failed'] as const;

export const ImportSummarySchema = z.object({
  id,
  fileName: z.string(),
  fileSize: z.number().int(),
  sheet: z.string().nullable(),
  tag: z.string().nullable(),
  duplicatePolicy: z.enum(duplicatePolicies),
  status: z.enum(importStatuses),
  failure: z.string().nullable(),
  counts: ImportCountsSchema,
  openIssues: z.number().int(),
  createdAt: z.number(),
  finishedAt: z.number().nullable(),
});
export type ImportSummary = z.infer<typeof ImportSummarySchema>;

export const ImportIssueSchema = z.object({
  id,
  importId: id,
  fileName: z.string(),
  rowNumber: z.number().int(),
  outcome: z.enum(['rejected', 'duplicate']),
  reason: z.string(),
  raw: z.record(z.string(), z.string()),
  prospectId: z.number().int().nullable(),
  resolvedAt: z.number().nullable(),
});
export type ImportIssue = z.infer<typeof ImportIssueSchema>;

/** Import issues come a page at a time: an import can leave hundreds of thousands. */
export const issuesPageSize = 100;
export const IssuesQuerySchema = z
  .object({
    importId: id.nullable(),
    outcome: z.enum(['rejected', 'duplicate']),
    offset: z.number().int().min(0).max(100_000_000).optional(),
    limit: z.number().int().min(1).max(500).optional(),
  })
  .strict();
export type IssuesQuery = z.infer<typeof IssuesQuerySchema>;
export const IssuePageSchema = z.object({ rows: z.array(ImportIssueSchema), total: z.number().int() });
export type IssuePage = z.infer<typeof IssuePageSchema>;

/** The prospects an import created or updated (offered for enrollment), and those it created as suppressed. */
export const ImportedProspectsSchema = z.object({ enrollable: z.array(id), suppressed: z.array(id) });
export type ImportedProspects = z.infer<typeof ImportedProspectsSchema>;

export const ImportProgressSchema = z.object({
  importId: id,
  status: z.enum(importStatuses),
  processed: z.number().int(),
  counts: ImportCountsSchema,
  failure: z.string().nullable(),
  /** How far through the file, 0 to 1, for text files; null for workbooks, whose row count is unknown until read. */
  fraction: z.number().min(0).max(1).nullable(),
  /** Every row is read: the import is writing them to the store, in one transaction that cannot be cancelled. */
  saving: z.boolean(),
});
export type ImportProgress = z.infer<typeof ImportProgressSchema>;

export const importMethods = {
  'imports.create': method(z.object({ fileName: z.string().trim().min(1).max(255), size: z.number().int().nonnegative().max(maxImportBytes, `Repdesk imports files of up to ${sizeText(maxImportBytes)}. Split the list into smaller files (each with the header row) and import them one after the other.`) }).strict(), z.object({ importId: id })),
  'imports.append': method(
    z.object({ importId: id, offset: z.number().int().nonnegative(), bytes: z.instanceof(Uint8Array).refine((b) => b.byteLength <= uploadChunkBytes, 'A chunk is at most 4 MB') }).strict(),
    z.object({ received: z.number().int() }),
  ),
  'imports.preview': method(z.object({ importId: id, sheet: z.string().nullable().optional() }).strict(), ImportPreviewSchema),
  'imports.start': method(
    z
      .object({
        importId: id,
        sheet: z.string().nullable(),
        mapping: z.array(ColumnTargetSchema).max(500),
        tag: z.string().trim().max(80).nullable(),
        duplicatePolicy: z.enum(duplicatePolicies),
      })
      .strict(),
    ImportSummarySchema,
  ),
  /** An import may come soon (the Prospects screen is open, a file is dragged over the window): its workers get ready. */
  'imports.ready': method(z.object({}).strict(), z.object({ ready: z.boolean() })),
  'imports.cancel': method(z.object({ importId: id }).strict(), z.object({ cancelled: z.boolean() })),
  'imports.discard': method(z.object({ importId: id }).strict(), z.object({ discarded: z.boolean() })),
  'imports.get': method(z.object({ importId: id }).strict(), ImportSummarySchema),
  'imports.list': method(z.object({}).strict(), z.array(ImportSummarySchema)),
  /** Who a finished import created or updated (to enroll them), and the prospects it marked suppressed. */
  'imports.prospects': method(z.object({ importId: id }).strict(), ImportedProspectsSchema),
  'imports.issues': method(IssuesQuerySchema, IssuePageSchema),
  'imports.fixIssue': method(
    z.object({ issueId: id, values: z.record(z.string().max(200), z.string().max(10_000)) }).strict(),
    z.object({ prospectId: id.nullable(), outcome: z.enum(['created', 'updated', 'duplicate', 'suppressed']) }),
  ),
  'imports.dismissIssue': method(z.object({ issueId: id }).strict(), z.object({ dismissed: z.boolean() })),
  'imports.issuesCsv': method(z.object({ importId: id.nullable() }).strict(), z.object({ fileName: z.string(), csv: z.string(), rows: z.number().int() })),
};
