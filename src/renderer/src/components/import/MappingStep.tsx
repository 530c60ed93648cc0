// The mapping step: the first rows of the sheet, and for each column the field it fills (or a custom field, or nothing).
import { prospectFieldLabels, prospectFields, type ProspectField } from '../../../../shared/domain/prospect';
import type { ImportPreview } from '../../../../shared/contract/imports';
import { combinedColumns, type ColumnTarget } from '../../../../shared/import/headerMapping';
import { importSelectors, useImportStore } from '../../store/imports';

const policyLabels = {
  skip: 'Skip them (keep the existing prospect as it is)',
  fill_empty: 'Fill in empty fields of the existing prospect',
  overwrite: 'Overwrite the existing prospect with the file’s values',
} as const;

/** How the import combines the columns mapped to a field several can fill (see shared/import/headerMapping.ts). */
const combinedRules: Partial<Record<ProspectField, string>> = {
  phone: 'the first valid number, in this order, is the prospect’s; the others are kept as custom fields.',
};

function targetValue(t: ColumnTarget | undefined): string {
  if (!t || t.kind === 'ignore') return 'ignore';
  return t.kind === 'custom' ? 'custom' : `field:${t.field}`;
}

export function MappingStep() {
  const preview = useImportStore(importSelectors.preview)!;
  const mapping = useImportStore(importSelectors.mapping);
  const tag = useImportStore(importSelectors.tag);
  const starting = useImportStore(importSelectors.starting);
  const sheetRead = useImportStore(importSelectors.sheetRead);
  const policy = useImportStore(importSelectors.policy);
  const error = useImportStore(importSelectors.error);
  const { setTarget, setTag, setPolicy, run, chooseSheet, close } = useImportStore.getState();
  const hasEmail = mapping.some((t) => t.kind === 'field' && t.field === 'email');
  const combined = combinedColumns(preview.headers, mapping);

  const change = (i: number, value: string) => {
    if (value === 'ignore') setTarget(i, { kind: 'ignore' });
    else if (value === 'custom') setTarget(i, { kind: 'custom', name: preview.headers[i]! });
    else setTarget(i, { kind: 'field', field: value.slice(6) as ProspectField });
  };

  return (
    <div className="import-mapping">
      <p className="muted">
        {preview.kind === 'xlsx' ? 'Excel workbook' : `Text file (${preview.encoding}, ${delimiterName(preview.delimiter)}-separated)`}
        {preview.hasHeader ? ` · header on row ${preview.headerRowNumber}` : ' · no header row found: columns are named by letter'}
      </p>
      {preview.strayQuotes && (
        <div className="banner banner-warning" role="note" aria-label="Stray quotes">
          <p>{strayQuotesNote(preview.strayQuotes)}</p>
        </div>
      )}
      {preview.sheets.length > 1 && (
        <label className="inline-field">
          Sheet
          <select value={preview.sheet ?? ''} disabled={starting} onChange={(e) => void chooseSheet(e.target.value)} aria-label="Sheet">
            {preview.sheets.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </label>
      )}
      <div className="mapping-scroll">
        <table className="mapping-table">
          <thead>
            <tr>
              {preview.headers.map((h, i) => (
                <th key={i} scope="col">
                  <div className="mapping-header">{h}</div>
                  <select aria-label={`Field for column ${h}`} value={targetValue(mapping[i])} onChange={(e) => change(i, e.target.value)}>
                    {prospectFields.map((f) => (
                      <option key={f} value={`field:${f}`}>
                        {prospectFieldLabels[f]}
                      </option>
                    ))}
                    <option value="custom">Custom field “{h}”</option>
                    <option value="ignore">Don’t import</option>
                  </select>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {preview.rows.map((r, ri) => (
              <tr key={ri}>
                {preview.headers.map((_, ci) => (
                  <td key={ci}>{r[ci]}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {combined.length > 0 && (
        <ul className="hint mapping-combined" aria-label="Fields filled from several columns">
          {combined.map((c) => (
            <li key={c.field}>
              <strong>{prospectFieldLabels[c.field]}</strong> from {c.columns.map((h) => `“${h}”`).join(', ')}: {combinedRules[c.field]}
            </li>
          ))}
        </ul>
      )}
      <div className="form-grid compact">
        <label htmlFor="import-tag">Tag these prospects</label>
        <div>
          <input id="import-tag" type="text" value={tag} maxLength={80} onChange={(e) => setTag(e.target.value)} placeholder="e.g. Webinar March" />
          <p className="hint">A list name to find and filter this import by later. Leave empty for none.</p>
        </div>
        <span className="label">Prospects already in Repdesk</span>
        <div role="radiogroup" aria-label="Prospects already in Repdesk">
          {(Object.keys(policyLabels) as (keyof typeof policyLabels)[]).map((p) => (
            <label key={p} className="radio">
              <input type="radio" name="duplicate-policy" value={p} checked={policy === p} onChange={() => setPolicy(p)} />
              {policyLabels[p]}
            </label>
          ))}
        </div>
      </div>
      <div className="form-actions">
        {(error || !hasEmail) && (
          <p className="form-error" role="alert">
            {error ?? 'Choose the column that holds the email address; every prospect needs one.'}
          </p>
        )}
        <button type="button" className="button secondary" onClick={() => void close()}>
          Cancel
        </button>
        {starting && preview.kind === 'xlsx' && (
          <p className="muted" role="status">
            Reading the whole sheet{sheetRead === null ? '…' : `: ${Math.floor(sheetRead * 100)}%`}
          </p>
        )}
        <button type="button" className="button" disabled={!hasEmail || starting} onClick={() => void run()}>
          {starting ? 'Starting…' : 'Import'}
        </button>
      </div>
    </div>
  );
}

function delimiterName(d: string | null): string {
  return d === '\t' ? 'tab' : d === ';' ? 'semicolon' : d === '|' ? 'pipe' : 'comma';
}

function strayQuotesNote(q: NonNullable<ImportPreview['strayQuotes']>): string {
  const more = q.fields > 1 ? `, and ${q.fields - 1} more field${q.fields > 2 ? 's do' : ' does'}` : '';
  const where = q.wholeFile ? '' : ' (counted in the first part of this big file)';
  return `Row ${q.firstRow} opens a quote (") that never closes properly${more}${where}. Repdesk reads those quotes as ordinary characters, so the rows after them stay rows of their own.`;
}
