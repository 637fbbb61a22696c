import type { InventoryView, LowStockAlertView, OpsStockLevel, SafetyStockRequest, StockDocumentSummary, StockLedgerEntry } from '../../shared/api/ops-inventory';
import type { StockCountRequest, StockDocumentView, StockReceiptRequest, StockTransferRequest } from '../../shared/api/shop';
import { api } from './api-client';
import { okResponse } from './api-error';

/**
 * Staff's inventory: levels, ledger, documents, receipts and counts, safety stock, low-stock
 * alerts. Bookings answer 422 for an unknown SKU and 409 when stock is short (a count below
 * what is reserved for orders).
 */

/** `query`: warehouse, q, low ('1'), limit, offset. */
export async function fetchInventory(query: Record<string, string>): Promise<InventoryView> {
  return (await okResponse(() => api.ops.inventory.$get({ query }))).json();
}

/** `query`: sku, warehouse, kind, limit, before (an entry id: older ones follow). */
export async function fetchStockLedger(query: Record<string, string>): Promise<StockLedgerEntry[]> {
  return (await (await okResponse(() => api.ops.inventory.ledger.$get({ query }))).json()).entries;
}

export async function fetchStockDocuments(query: Record<string, string>): Promise<StockDocumentSummary[]> {
  return (await (await okResponse(() => api.ops.inventory.documents.$get({ query }))).json()).documents;
}

export async function bookReceipt(body: StockReceiptRequest): Promise<StockDocumentView> {
  return (await okResponse(() => api.ops.inventory.receipts.$post({ json: body }))).json();
}

export async function bookCount(body: StockCountRequest): Promise<StockDocumentView> {
  return (await okResponse(() => api.ops.inventory.counts.$post({ json: body }))).json();
}

export async function bookTransfer(body: StockTransferRequest): Promise<StockDocumentView> {
  return (await okResponse(() => api.ops.inventory.transfers.$post({ json: body }))).json();
}

export async function saveSafetyStock(body: SafetyStockRequest): Promise<OpsStockLevel> {
  return (await okResponse(() => api.ops.inventory['safety-stock'].$put({ json: body }))).json();
}

export async function listLowStockAlerts(): Promise<LowStockAlertView[]> {
  return (await (await okResponse(() => api.ops['low-stock'].$get())).json()).alerts;
}
