import type { CatalogImportResult } from '../../shared/api/ops-csv';
import type { StockDocumentView } from '../../shared/api/shop';
import { okResponse } from './api-error';

/**
 * CSV in and out. Downloads are plain links (the browser sends the session cookie and saves
 * the file). Uploads send the file's bytes as text/csv with fetch: the typed client only
 * builds JSON and form bodies. A refused file is an ApiError 422 whose details hold the
 * line-by-line report (csv_refused) or the columns expected (csv_bad_header).
 */

export const productsCsvHref = '/api/ops/catalog/products.csv';

export function stockCsvHref(warehouse: string): string {
  return warehouse ? `/api/ops/inventory/stock.csv?${new URLSearchParams({ warehouse })}` : '/api/ops/inventory/stock.csv';
}

const sendCsv = (path: string, file: Blob) =>
  okResponse(() => fetch(path, { method: 'POST', headers: { 'content-type': 'text/csv' }, body: file, credentials: 'same-origin' }));

export async function importProductsCsv(file: Blob): Promise<CatalogImportResult> {
  return (await sendCsv(productsCsvHref, file)).json() as Promise<CatalogImportResult>;
}

export async function importCountCsv(warehouse: string, reason: string, file: Blob): Promise<StockDocumentView> {
  return (await sendCsv(`/api/ops/inventory/counts.csv?${new URLSearchParams({ warehouse, reason })}`, file)).json() as Promise<StockDocumentView>;
}
