-- Import issues are listed a page at a time, newest import first and in sheet order: this index gives that order
-- for the open rows of one outcome, so a page costs the same whether an import left 50 rejected rows or 200,000.
DROP INDEX import_rows_open;
CREATE INDEX import_rows_open ON import_rows (outcome, resolved_at, import_id DESC, row_number);
