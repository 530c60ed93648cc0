// "Import spreadsheet": the keyboard and mouse way to pick a file, beside drag and drop.
import { useRef } from 'react';
import { useImportStore } from '../../store/imports';

export function ImportButton({ label = 'Import spreadsheet', secondary }: { label?: string; secondary?: boolean }) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" className={`button${secondary ? ' secondary' : ''}`} onClick={() => input.current?.click()}>
        {label}
      </button>
      <input
        ref={input}
        type="file"
        hidden
        data-testid="import-file-input"
        accept=".csv,.tsv,.txt,.tab,.xlsx,.xlsm,text/csv,text/tab-separated-values,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void useImportStore.getState().startFile(file);
        }}
      />
    </>
  );
}
