import type { Kysely } from 'kysely';
import { COUNT_CSV_REQUIRED, STOCK_CSV_COLUMNS } from '../../../shared/api/ops-csv';
import { CODE_PATTERN, type StockCountRequest, type StockDocumentView } from '../../../shared/api/shop';
import type { Database } from '../../db/schema';
import { findProductsBySku } from '../catalog/product-repository';
import type { Warehouse } from '../catalog/warehouse-repository';
import { csvFile } from '../csv/csv-file';
import { markRepeats, readCsvTable, refuseIfProblems, type CsvRow } from '../csv/csv-table';
import { listStockLevels } from './ops-stock-levels';
import type { StockActor } from './stock-actor';
import { countStock } from './stock-documents';

/** Every SKU of a shop this size in every warehouse, in one file. */
const MAX_EXPORT = 500_000;

export async function stockLevelsCsv(db: Kysely<Database>, warehouse: Warehouse | null): Promise<string> {
  const { levels } = await listStockLevels(db, { warehouseId: warehouse?.id, limit: MAX_EXPORT, offset: 0 });
  return csvFile(
    STOCK_CSV_COLUMNS,
    levels.map((l) => [l.warehouse, l.sku, l.name['zh-CN'], l.onHand, l.reserved, l.available, l.safetyStock]),
  );
}

const UNITS = /^\d{1,7}$/;

function countLineOf(row: CsvRow, warehouse: string): StockCountRequest['lines'][number] | null {
  const { sku = '', on_hand = '', safety_stock = '', warehouse: lineWarehouse = '' } = row.cells;
  // An exported file of every warehouse: only the lines of the warehouse being counted belong.
  if (lineWarehouse !== '' && lineWarehouse !== warehouse) row.problems.push({ column: 'warehouse', code: 'invalid_value', message: `this line is for ${lineWarehouse}; the count is for ${warehouse}` });
  if (!CODE_PATTERN.test(sku)) row.problems.push({ column: 'sku', code: 'invalid_value', message: 'letters, digits, dot, dash or underscore (up to 64)' });
  if (!UNITS.test(on_hand) || Number(on_hand) > 1_000_000) row.problems.push({ column: 'on_hand', code: 'not_a_count', message: `${on_hand || '(empty)'} is not a count of units (0 to 1000000)` });
  if (safety_stock !== '' && (!UNITS.test(safety_stock) || Number(safety_stock) > 1_000_000)) row.problems.push({ column: 'safety_stock', code: 'not_a_count', message: `${safety_stock} is not a count of units (0 to 1000000)` });
  if (row.problems.length > 0) return null;
  return { sku, onHand: Number(on_hand), ...(safety_stock === '' ? {} : { safetyStock: Number(safety_stock) }) };
}

/**
 * A stock count from a CSV file (sku, on_hand, optional safety_stock; the stock export's other
 * columns may stay): all lines checked in the transaction that books them (known SKUs, each
 * once, never below the units reserved for orders), then one count document, or nothing and
 * the line-by-line report.
 */
export async function importCountCsv(
  db: Kysely<Database>,
  text: string,
  count: { warehouse: Warehouse; reason: string; actor: StockActor; now: number; timeZone: string },
): Promise<StockDocumentView> {
  const rows = readCsvTable(text, { all: STOCK_CSV_COLUMNS, required: COUNT_CSV_REQUIRED });
  const lines = rows.map((row) => countLineOf(row, count.warehouse.code));
  markRepeats(rows, 'sku', 'duplicate_sku');
  return db.transaction().execute(async (trx) => {
    const products = await findProductsBySku(trx, rows.map((r) => r.cells.sku ?? ''));
    const { levels } = await listStockLevels(trx, { warehouseId: count.warehouse.id, limit: MAX_EXPORT, offset: 0 });
    const reservedOf = new Map(levels.map((l) => [l.sku, l.reserved]));
    for (const [i, row] of rows.entries()) {
      const sku = row.cells.sku ?? '';
      if (CODE_PATTERN.test(sku) && !products.has(sku)) row.problems.push({ column: 'sku', code: 'unknown_sku', message: `No SKU ${sku} in the catalog` });
      const reserved = reservedOf.get(sku) ?? 0;
      const line = lines[i];
      if (line && line.onHand < reserved) row.problems.push({ column: 'on_hand', code: 'below_reserved', message: `${reserved} units are reserved for orders; a count cannot be below that` });
    }
    refuseIfProblems(rows, (r) => r.cells.sku || null);
    const request = { warehouse: count.warehouse.code, reason: count.reason, lines: lines.map((l) => l!) };
    return countStock(trx, request, count.actor, count.now, count.timeZone);
  });
}
