import type { CsvLineReport } from '../../../../shared/api/ops-csv';
import { ApiError } from '../../../api/api-error';

/** Why an upload was refused, in the shape the report shows: the lines, the header, or one file-wide problem. */
export type CsvRefusal =
  | { kind: 'lines'; lines: CsvLineReport[] }
  | { kind: 'header'; expected: string[]; required: string[]; found: string[] }
  | { kind: 'file'; code: string }
  | { kind: 'other'; error: unknown };

const FILE_PROBLEMS = ['csv_not_utf8', 'csv_unreadable', 'csv_empty', 'csv_too_many_rows', 'payload_too_large', 'unsupported_media_type'];

export function csvRefusal(error: unknown): CsvRefusal {
  if (!(error instanceof ApiError)) return { kind: 'other', error };
  const details = (error.details ?? {}) as Record<string, unknown>;
  if (error.code === 'csv_refused' && Array.isArray(details.lines)) return { kind: 'lines', lines: details.lines as CsvLineReport[] };
  if (error.code === 'csv_bad_header') {
    const list = (key: string) => (Array.isArray(details[key]) ? (details[key] as string[]) : []);
    return { kind: 'header', expected: list('expected'), required: list('required'), found: list('found') };
  }
  if (FILE_PROBLEMS.includes(error.code)) return { kind: 'file', code: error.code };
  return { kind: 'other', error };
}
