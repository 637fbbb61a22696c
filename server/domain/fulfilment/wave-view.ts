import type { Kysely } from 'kysely';
import type { PickStop, WaveSummary, WaveView } from '../../../shared/api/warehouse';
import { compareBins } from '../../../shared/fulfilment/pick-rules';
import type { Database } from '../../db/schema';
import type { Warehouse } from '../catalog/warehouse-repository';
import { findOrdersPackedIn, findWaveLines, type PickWave, type WaveLine } from './wave-repository';

export type OrderPickState = WaveView['orders'][number]['state'];

/** Lines still to walk for: a cancelled or held order's lines are no longer anyone's work. */
export const isLiveLine = (l: WaveLine) => l.orderStatus !== 'cancelled' && l.heldAt === null;
export const unitsLeft = (l: WaveLine) => l.quantity - l.pickedQuantity - l.shortQuantity;

export function orderPickState(lines: readonly WaveLine[], packed: boolean): OrderPickState {
  const first = lines[0];
  if (first?.orderStatus === 'cancelled') return 'cancelled';
  if (packed) return 'packed';
  if (first?.heldAt != null) return 'held';
  // A line closed short was re-allocated elsewhere: what is left here is what goes in the box.
  return lines.every((l) => unitsLeft(l) === 0) && lines.some((l) => l.pickedQuantity > 0) ? 'ready_to_pack' : 'picking';
}

export function waveSummary(wave: PickWave, warehouse: Warehouse, lines: readonly WaveLine[]): WaveSummary {
  return {
    id: wave.id,
    waveNo: wave.waveNo,
    warehouse: { code: warehouse.code, name: warehouse.name },
    status: wave.status,
    orderCount: new Set(lines.map((l) => l.orderId)).size,
    unitCount: lines.reduce((n, l) => n + l.quantity, 0),
    pickedUnits: lines.reduce((n, l) => n + l.pickedQuantity, 0),
    shortUnits: lines.reduce((n, l) => n + l.shortQuantity, 0),
    createdAt: wave.createdAt,
  };
}

/** The walk: one stop per bin and SKU, in natural bin order; lines of cancelled or held orders left out. */
export function pickStops(lines: readonly WaveLine[]): PickStop[] {
  const stops = new Map<string, PickStop>();
  for (const l of lines.filter(isLiveLine)) {
    const key = `${l.bin}\u0000${l.sku}`;
    const stop = stops.get(key) ?? { sku: l.sku, name: l.name, barcode: l.barcode, bin: l.bin, quantity: 0, pickedQuantity: 0, shortQuantity: 0, orders: [] };
    stop.quantity += l.quantity;
    stop.pickedQuantity += l.pickedQuantity;
    stop.shortQuantity += l.shortQuantity;
    stop.orders.push({ orderNo: l.orderNo, pickLineId: l.id, quantity: l.quantity });
    stops.set(key, stop);
  }
  return [...stops.values()].sort((a, b) => compareBins(a.bin, b.bin) || (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0));
}

export async function loadWaveView(db: Kysely<Database>, wave: PickWave, warehouse: Warehouse): Promise<WaveView> {
  const lines = await findWaveLines(db, [wave.id]);
  const orderIds = [...new Set(lines.map((l) => l.orderId))];
  const packed = await findOrdersPackedIn(db, orderIds, warehouse.id);
  const orders = orderIds.map((orderId) => {
    const own = lines.filter((l) => l.orderId === orderId);
    return { orderNo: own[0]!.orderNo, state: orderPickState(own, packed.has(orderId)), units: own.reduce((n, l) => n + l.quantity, 0) };
  });
  return { wave: waveSummary(wave, warehouse, lines), stops: pickStops(lines), orders };
}
