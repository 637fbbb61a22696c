import { stringify } from 'csv-stringify/sync';

/**
 * A CSV download staff open in a spreadsheet: a UTF-8 byte-order mark (Excel in China reads a
 * file without one as GBK and garbles 中文), CRLF line ends, RFC 4180 quoting, and text that
 * would run as a formula (=, +, -, @ first) written with a leading apostrophe. readCsvTable
 * takes that apostrophe off again, so an export imports back unchanged.
 */
export function csvFile(columns: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number | null>>): string {
  return stringify(rows as unknown[][], { bom: true, header: true, columns: [...columns], record_delimiter: 'windows', escape_formulas: true });
}

export function csvDownloadHeaders(fileName: string): Record<string, string> {
  return { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${fileName}"`, 'cache-control': 'no-store' };
}
