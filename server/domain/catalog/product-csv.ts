import type { Kysely } from 'kysely';
import { PRODUCT_CSV_COLUMNS, PRODUCT_CSV_REQUIRED, type CatalogImportResult, type CsvProblem } from '../../../shared/api/ops-csv';
import { CODE_PATTERN, putProductSchema, type PutProductRequest } from '../../../shared/api/shop';
import { fenToYuanText, yuanToFen } from '../../../shared/money/yuan-fen';
import type { Database } from '../../db/schema';
import { csvFile } from '../csv/csv-file';
import { markRepeats, readCsvTable, refuseIfProblems, type CsvRow } from '../csv/csv-table';
import { findBarcodeHolders, listProducts, releaseBarcodes, upsertProduct } from './product-repository';

/** More SKUs than a shop of this size keeps; the export is one file. */
const MAX_EXPORT = 100_000;

export async function productsCsv(db: Kysely<Database>): Promise<string> {
  const products = await listProducts(db, { limit: MAX_EXPORT, offset: 0 });
  return csvFile(
    PRODUCT_CSV_COLUMNS,
    products.map((p) => [p.sku, p.name['zh-CN'], p.name.en, p.category, fenToYuanText(p.priceFen), p.barcode, p.weightGrams]),
  );
}

// Where each field of the request comes from in the file, to name the column of a refusal.
const COLUMN_OF: Record<string, string> = { name: 'name_zh', 'name.zh-CN': 'name_zh', 'name.en': 'name_en', category: 'category', priceFen: 'price_yuan', barcode: 'barcode', weightGrams: 'weight_grams' };

/** One line as the request PUT /api/shop/products takes, held to the same schema; problems go on the row. */
function productOf(row: CsvRow): PutProductRequest | null {
  const { sku = '', name_zh = '', name_en = '', category = '', price_yuan = '', barcode = '', weight_grams = '' } = row.cells;
  const problem = (column: string, code: CsvProblem['code'], message: string) => row.problems.push({ column, code, message });
  if (!CODE_PATTERN.test(sku)) problem('sku', 'invalid_value', 'letters, digits, dot, dash or underscore (up to 64)');
  // Read as text, never as a float: 19.9 is 1990 fen and 0.29 is 29, not 28.999….
  const priceFen = yuanToFen(price_yuan);
  if (priceFen === null) problem('price_yuan', 'not_an_amount', `${price_yuan || '(empty)'} is not an amount in yuan with at most 2 decimals`);
  const weightGrams = weight_grams === '' || !/^\d{1,7}$/.test(weight_grams) ? null : Number(weight_grams);
  if (weight_grams !== '' && weightGrams === null) problem('weight_grams', 'not_a_count', `${weight_grams} is not a whole number of grams`);
  const parsed = putProductSchema.safeParse({
    name: { 'zh-CN': name_zh, en: name_en },
    category,
    priceFen: priceFen ?? 1,
    barcode: barcode || null,
    weightGrams,
  });
  if (!parsed.success) for (const issue of parsed.error.issues) problem(COLUMN_OF[issue.path.join('.')] ?? COLUMN_OF[String(issue.path[0])] ?? 'sku', 'invalid_value', issue.message);
  return row.problems.length === 0 && parsed.success ? parsed.data : null;
}

/**
 * The catalog from a CSV file: every line checked first (the schema the shop API uses, exact
 * yuan → fen, SKUs and barcodes each once in the file, no barcode another SKU already holds),
 * then all lines written in one transaction, or none with the line-by-line report.
 */
export async function importProductsCsv(db: Kysely<Database>, text: string, now: number): Promise<CatalogImportResult> {
  const rows = readCsvTable(text, { all: PRODUCT_CSV_COLUMNS, required: PRODUCT_CSV_REQUIRED });
  const products = rows.map(productOf);
  markRepeats(rows, 'sku', 'duplicate_sku');
  markRepeats(rows, 'barcode', 'duplicate_barcode');
  return db.transaction().execute(async (trx) => {
    const skus = rows.map((r) => r.cells.sku ?? '');
    const inFile = new Set(skus);
    const barcodes = rows.map((r) => r.cells.barcode ?? '').filter(Boolean);
    const holders = await findBarcodeHolders(trx, barcodes);
    for (const row of rows) {
      const holder = holders.get(row.cells.barcode ?? '');
      // A holder that is itself in the file gives the barcode up (or keeps it) by its own line.
      if (holder !== undefined && !inFile.has(holder)) row.problems.push({ column: 'barcode', code: 'barcode_taken', message: `${row.cells.barcode} belongs to ${holder}` });
    }
    refuseIfProblems(rows, (r) => r.cells.sku || null);
    await releaseBarcodes(trx, skus, barcodes);
    let created = 0;
    for (const [i, row] of rows.entries()) {
      if ((await upsertProduct(trx, row.cells.sku!, products[i]!, now)).created) created += 1;
    }
    return { created, updated: rows.length - created };
  });
}
