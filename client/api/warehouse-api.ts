import type {
  HandoverQueue,
  HandoverRequest,
  HandoverResult,
  PackingView,
  PackOrderRequest,
  PackResult,
  PickScanResult,
  ShippingLabel,
  ShortPickResult,
  WaveListView,
  WaveView,
} from '../../shared/api/warehouse';
import { okResponse } from './api-error';

/**
 * The warehouse face's calls (`/api/warehouse/…`). Plain fetch against the shapes in
 * shared/api/warehouse.ts, the same zod schemas the server's routes validate with (written
 * before those routes were in the app's route type; the typed client would serve as well).
 */
async function call<T>(path: string, method: 'GET' | 'POST' = 'GET', body?: unknown): Promise<T> {
  const response = await okResponse(() =>
    fetch(`/api/warehouse${path}`, {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? undefined : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
  );
  return (await response.json()) as T;
}

const part = encodeURIComponent;

export const fetchWaves = () => call<WaveListView>('/waves');
/** 409 `no_orders_ready` when nothing is waiting. */
export const startWave = (maxOrders = 20) => call<WaveView>('/waves', 'POST', { maxOrders });
export const fetchWave = (waveNo: string) => call<WaveView>(`/waves/${part(waveNo)}`);
export const sendPickScan = (waveNo: string, barcode: string) => call<PickScanResult>(`/waves/${part(waveNo)}/scans`, 'POST', { barcode });
export const reportShortPick = (waveNo: string, sku: string, foundQuantity: number) =>
  call<ShortPickResult>(`/waves/${part(waveNo)}/shorts`, 'POST', { sku, foundQuantity });
export const fetchPacking = (orderNo: string) => call<PackingView>(`/orders/${part(orderNo)}/packing`);
/** 409 `lines_mismatch` when the box differs from the order's lines. */
export const packOrder = (orderNo: string, request: PackOrderRequest) => call<PackResult>(`/orders/${part(orderNo)}/pack`, 'POST', request);
export const fetchLabel = (trackingNo: string) => call<ShippingLabel>(`/shipments/${part(trackingNo)}/label`);
export const fetchHandoverQueue = () => call<HandoverQueue>('/handover');
export const handOver = (request: HandoverRequest) => call<HandoverResult>('/handover', 'POST', request);
