import type { Kysely } from 'kysely';
import type { PickScanResult, WaveListView, WaveView } from '../../../shared/api/warehouse';
import { chooseWaveLines, matchScan, waveNumber } from '../../../shared/fulfilment/pick-rules';
import { conflict, notFound } from '../../app-error';
import type { Database } from '../../db/schema';
import type { Warehouse } from '../catalog/warehouse-repository';
import { placeholderNumber, shopDayStamp } from '../stock/document-numbers';
import {
  addPicked,
  findWave,
  findWaveCandidates,
  findWaveLines,
  insertPickLines,
  insertPickScan,
  insertWave,
  listWaves,
  lockWarehouseForWaves,
  lockWave,
  markOrderPicked,
  numberWave,
  findOrderPickLinesAnywhere,
  setWaveStatus,
  type PickWave,
} from './wave-repository';
import { isLiveLine, loadWaveView, pickStops, unitsLeft, waveSummary } from './wave-view';

export interface WaveContext {
  warehouse: Warehouse;
  staffId: number;
  now: number;
  timeZone: string;
}

export async function listWaveSummaries(db: Kysely<Database>, warehouse: Warehouse): Promise<WaveListView> {
  const waves = await listWaves(db, warehouse.id);
  const lines = await findWaveLines(db, waves.map((w) => w.id));
  const ready = await findWaveCandidates(db, warehouse.id);
  return {
    warehouse: { code: warehouse.code, name: warehouse.name },
    ordersReady: new Set(ready.map((c) => c.orderId)).size,
    waves: waves.map((w) => waveSummary(w, warehouse, lines.filter((l) => l.waveId === w.id))),
  };
}

/**
 * A new wave of the oldest paid orders waiting in this warehouse. The warehouse is locked for
 * wave building first and the candidates read after, inside one transaction: two workers at
 * once get different lines (the second sees the first's lines as taken), never the same one.
 */
export async function createWave(trx: Kysely<Database>, maxOrders: number, ctx: WaveContext): Promise<PickWave> {
  await lockWarehouseForWaves(trx, ctx.warehouse.id);
  const lines = chooseWaveLines(await findWaveCandidates(trx, ctx.warehouse.id), maxOrders);
  if (lines.length === 0) throw conflict('no_orders_ready', 'No paid orders are waiting to be picked in this warehouse');
  const id = await insertWave(trx, { warehouseId: ctx.warehouse.id, createdBy: ctx.staffId, createdAt: ctx.now }, placeholderNumber());
  await numberWave(trx, id, waveNumber(shopDayStamp(ctx.now, ctx.timeZone), id));
  await insertPickLines(trx, id, lines);
  return (await findWave(trx, ctx.warehouse.id, waveNumber(shopDayStamp(ctx.now, ctx.timeZone), id)))!;
}

/** A wave of this warehouse, or 404 (another warehouse's waves do not exist for this caller). */
export async function requireWave(db: Kysely<Database>, warehouse: Warehouse, waveNo: string): Promise<PickWave> {
  const wave = await findWave(db, warehouse.id, waveNo);
  if (!wave) throw notFound('wave_not_found', `No wave ${waveNo} in ${warehouse.code}`);
  return wave;
}

export async function waveView(db: Kysely<Database>, warehouse: Warehouse, waveNo: string): Promise<WaveView> {
  return loadWaveView(db, await requireWave(db, warehouse, waveNo), warehouse);
}

/**
 * Moves the wave on once nothing is left to walk for (every live line picked or short), and
 * marks each order picked once all its lines anywhere are. In the caller's transaction.
 */
export async function settleWave(trx: Kysely<Database>, wave: PickWave, orderIds: readonly number[], now: number): Promise<void> {
  for (const orderId of orderIds) {
    const all = await findOrderPickLinesAnywhere(trx, orderId);
    if (all.length > 0 && all.every((l) => unitsLeft(l) === 0) && all.some((l) => l.pickedQuantity > 0)) await markOrderPicked(trx, orderId, now);
  }
  if (wave.status !== 'open') return;
  const lines = await findWaveLines(trx, [wave.id]);
  if (lines.filter(isLiveLine).every((l) => unitsLeft(l) === 0)) await setWaveStatus(trx, wave.id, 'picked', now);
}

/** One scan on the walk, kept whatever it was; a right one picks one unit, in the same transaction. */
export async function scanForWave(trx: Kysely<Database>, waveNo: string, barcode: string, ctx: WaveContext): Promise<PickScanResult> {
  const found = await requireWave(trx, ctx.warehouse, waveNo);
  await lockWave(trx, found.id);
  const lines = (await findWaveLines(trx, [found.id])).filter(isLiveLine);
  const match = matchScan(lines, barcode);
  await insertPickScan(trx, { waveId: found.id, pickLineId: match.line?.id ?? null, barcode: barcode.trim(), outcome: match.outcome, staffId: ctx.staffId, at: ctx.now });
  if (match.outcome === 'picked') {
    await addPicked(trx, match.line.id, ctx.now, unitsLeft(match.line) === 1);
    await settleWave(trx, found, [match.line.orderId], ctx.now);
  }
  const wave = (await findWave(trx, ctx.warehouse.id, waveNo))!;
  const after = await findWaveLines(trx, [wave.id]);
  const stop = match.line ? (pickStops(after).find((s) => s.sku === match.line.sku && s.bin === match.line.bin) ?? null) : null;
  return { outcome: match.outcome, stop, wave: waveSummary(wave, ctx.warehouse, after) };
}
