import { z } from 'zod';

/**
 * CSV in and out of the ops face. An import is all or nothing: a file with any problem is
 * refused whole (422 `csv_refused`) with every problem of every line, so staff fix the file in
 * one go rather than one error a try.
 */

/** The columns of the catalog file, in the order the export writes them. */
export const PRODUCT_CSV_COLUMNS = ['sku', 'name_zh', 'name_en', 'category', 'price_yuan', 'barcode', 'weight_grams'] as const;
export const PRODUCT_CSV_REQUIRED = ['sku', 'name_zh', 'name_en', 'category', 'price_yuan'] as const;
/**
 * The columns of the stock file. A count file needs only sku and on_hand (safety_stock when it
 * changes); the others may stay, so an exported file with the counted figures typed over
 * on_hand goes straight back in as the count.
 */
export const STOCK_CSV_COLUMNS = ['warehouse', 'sku', 'name_zh', 'on_hand', 'reserved', 'available', 'safety_stock'] as const;
export const COUNT_CSV_REQUIRED = ['sku', 'on_hand'] as const;

export const MAX_CSV_BYTES = 2 * 1024 * 1024;
export const MAX_CSV_ROWS = 5000;

/** What can be wrong with one field of one line; the client words each, the message says it in English. */
export const CSV_PROBLEM_CODES = [
  'field_count',
  'invalid_value',
  'not_an_amount',
  'not_a_count',
  'duplicate_sku',
  'duplicate_barcode',
  'barcode_taken',
  'unknown_sku',
  'below_reserved',
] as const;
export type CsvProblemCode = (typeof CSV_PROBLEM_CODES)[number];

export const csvProblemSchema = z.object({ column: z.string().nullable(), code: z.enum(CSV_PROBLEM_CODES), message: z.string() });
export type CsvProblem = z.infer<typeof csvProblemSchema>;

/** One refused line: its 1-based line in the file (the header is line 1), the SKU it names, and why. */
export const csvLineReportSchema = z.object({ line: z.number().int(), sku: z.string().nullable(), problems: z.array(csvProblemSchema) });
export type CsvLineReport = z.infer<typeof csvLineReportSchema>;
export const csvRefusalDetailsSchema = z.object({ lines: z.array(csvLineReportSchema) });

/** A header the file did not have right: the columns wanted and the ones found. */
export const csvHeaderDetailsSchema = z.object({ expected: z.array(z.string()), required: z.array(z.string()), found: z.array(z.string()) });

export const catalogImportResultSchema = z.object({ created: z.number().int(), updated: z.number().int() });
export type CatalogImportResult = z.infer<typeof catalogImportResultSchema>;
