import { CsvError, parse } from 'csv-parse/sync';
import { MAX_CSV_ROWS, type CsvLineReport, type CsvProblem } from '../../../shared/api/ops-csv';
import { unprocessable } from '../../app-error';

/** A data line of an uploaded CSV: its line in the file, its cells by column, and what is wrong with it so far. */
export interface CsvRow {
  line: number;
  cells: Record<string, string>;
  problems: CsvProblem[];
}

export interface CsvColumns {
  /** Every column the file may have, in the order the export writes them. */
  all: readonly string[];
  required: readonly string[];
}

type InfoRecord = { info: { lines: number }; record: string[] };

// csv-file.ts writes text that would run as a formula with an apostrophe in front: take it off.
const unescapeFormula = (cell: string) => (/^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell);

/**
 * Reads an uploaded CSV (with or without a byte-order mark) into rows by column. What makes
 * the whole file unusable is a 422 at once: not UTF-8, unreadable quoting, a header that does
 * not name the columns, no rows or too many. A line with the wrong number of fields is kept
 * with its problem, so the line report lists it beside every other.
 */
export function readCsvTable(text: string, columns: CsvColumns): CsvRow[] {
  // The decoder put U+FFFD where bytes were not UTF-8: a spreadsheet saved the file as GBK.
  if (text.includes('\uFFFD')) throw unprocessable('csv_not_utf8', 'The file is not UTF-8 text: save it as "CSV UTF-8" and upload it again');
  let records: InfoRecord[];
  try {
    // csv-parse's types describe plain records whatever the options; `info: true` wraps each.
    records = parse(text, { bom: true, info: true, relax_column_count: true, skip_empty_lines: true, trim: true }) as unknown as InfoRecord[];
  } catch (error) {
    if (error instanceof CsvError) throw unprocessable('csv_unreadable', `The file is not readable CSV near line ${(error as { lines?: number }).lines ?? '?'}: ${error.message}`);
    throw error;
  }
  const [head, ...body] = records.filter((r) => r.record.some((cell) => cell !== ''));
  const header = (head?.record ?? []).map((cell) => cell.toLowerCase());
  checkHeader(header, columns);
  if (body.length === 0) throw unprocessable('csv_empty', 'The file has no rows under its header');
  if (body.length > MAX_CSV_ROWS) throw unprocessable('csv_too_many_rows', `The file has ${body.length} rows; at most ${MAX_CSV_ROWS} go in one file`);
  return body.map(({ info, record }) => ({
    line: info.lines,
    cells: Object.fromEntries(header.map((column, i) => [column, unescapeFormula(record[i] ?? '')])),
    problems: record.length === header.length ? [] : [{ column: null, code: 'field_count', message: `${record.length} fields where the header has ${header.length}` }],
  }));
}

function checkHeader(header: string[], columns: CsvColumns): void {
  const unknown = header.filter((column) => !columns.all.includes(column));
  const missing = columns.required.filter((column) => !header.includes(column));
  const repeated = header.filter((column, i) => header.indexOf(column) !== i);
  if (unknown.length + missing.length + repeated.length === 0) return;
  const said = [missing.length ? `missing ${missing.join(', ')}` : '', unknown.length ? `unknown ${unknown.join(', ')}` : '', repeated.length ? `repeated ${repeated.join(', ')}` : ''];
  throw unprocessable('csv_bad_header', `The first line must name the columns ${columns.all.join(',')} (required: ${columns.required.join(', ')}); ${said.filter(Boolean).join('; ')}`, {
    expected: [...columns.all],
    required: [...columns.required],
    found: header,
  });
}

/** All or nothing: any line with a problem refuses the whole file, every problem listed. */
export function refuseIfProblems(rows: readonly CsvRow[], skuOf: (row: CsvRow) => string | null): void {
  const lines: CsvLineReport[] = rows.filter((r) => r.problems.length > 0).map((r) => ({ line: r.line, sku: skuOf(r), problems: r.problems }));
  if (lines.length === 0) return;
  const problems = lines.reduce((n, l) => n + l.problems.length, 0);
  throw unprocessable('csv_refused', `Nothing was imported: ${problems} problem(s) on ${lines.length} line(s), first on line ${lines[0]!.line}`, { lines });
}

/** The later lines that repeat a value of `column` (a SKU or barcode twice in one file). */
export function markRepeats(rows: readonly CsvRow[], column: string, code: CsvProblem['code']): void {
  const firstLine = new Map<string, number>();
  for (const row of rows) {
    const value = row.cells[column] ?? '';
    if (value === '') continue;
    const first = firstLine.get(value);
    if (first === undefined) firstLine.set(value, row.line);
    else row.problems.push({ column, code, message: `${value} is already on line ${first}` });
  }
}
