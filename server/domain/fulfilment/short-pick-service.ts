import type { Kysely } from 'kysely';
import type { ShortPickRequest, ShortPickResult } from '../../../shared/api/warehouse';
import { badRequest, conflict, notFound } from '../../app-error';
import type { Database } from '../../db/schema';
import { countStock } from '../stock/stock-documents';
import { moveStock } from '../stock/stock-ledger';
import type { StockActor } from '../stock/stock-actor';
import { closeLineShort, findOnHand, findWave, findWaveLines, findWarehouseWithAvailable, holdOrder, lockWave, moveOrderLine, type WaveLine } from './wave-repository';
import { requireWave, settleWave, type WaveContext } from './wave-service';
import { isLiveLine, unitsLeft, waveSummary } from './wave-view';

/**
 * The shelf holds fewer of a SKU than the wave still needs. The units found go to the oldest
 * lines first; every line they do not cover is closed short. Then, in the caller's
 * transaction: those lines' reservations are released (reserved must stay ≤ on hand), the
 * missing units are written off by a count (on hand = what is really there), and each short
 * line moves, reserved, to another warehouse that has its units free, or its order is held
 * (and can never be packed while held). Never shipped short.
 */
export async function shortPick(trx: Kysely<Database>, waveNo: string, request: ShortPickRequest, ctx: WaveContext): Promise<ShortPickResult> {
  const wave = await requireWave(trx, ctx.warehouse, waveNo);
  await lockWave(trx, wave.id);
  const lines = (await findWaveLines(trx, [wave.id])).filter((l) => isLiveLine(l) && l.sku === request.sku && unitsLeft(l) > 0);
  if (lines.length === 0) throw notFound('nothing_to_pick', `No units of ${request.sku} are left to pick in ${waveNo}`);
  const left = lines.reduce((n, l) => n + unitsLeft(l), 0);
  if (request.foundQuantity >= left) throw badRequest('nothing_missing', `${request.foundQuantity} found covers the ${left} still to pick: scan them instead`);
  const actor: StockActor = { type: 'staff', id: ctx.staffId };

  let found = request.foundQuantity;
  const short: WaveLine[] = [];
  for (const line of [...lines].sort((a, b) => a.id - b.id)) {
    if (unitsLeft(line) <= found) found -= unitsLeft(line);
    else short.push(line);
  }
  const productId = lines[0]!.productId;
  // The short lines' units go back to being unreserved first, so the count may lower on hand.
  for (const line of short) {
    await closeLineShort(trx, line.id, unitsLeft(line));
    await moveStock(trx, { warehouseId: ctx.warehouse.id, productId, kind: 'release', quantity: line.quantity, orderId: line.orderId, reason: 'short_pick', actor }, ctx.now);
  }
  const missing = left - request.foundQuantity;
  const onHand = await findOnHand(trx, ctx.warehouse.id, productId);
  if (onHand - missing < 0) throw conflict('count_below_zero', 'The books hold fewer units than are missing: count the shelf');
  const count = await countStock(trx, { warehouse: ctx.warehouse.code, lines: [{ sku: request.sku, onHand: onHand - missing }], reason: `short_pick ${waveNo}` }, actor, ctx.now, ctx.timeZone);

  const outcomes = new Map<string, ShortPickResult['orders'][number]['outcome']>(lines.map((l) => [l.orderNo, 'unaffected']));
  for (const line of short) {
    const elsewhere = await findWarehouseWithAvailable(trx, productId, line.quantity, ctx.warehouse.id);
    if (elsewhere !== null) {
      await moveStock(trx, { warehouseId: elsewhere, productId, kind: 'reservation', quantity: line.quantity, orderId: line.orderId, reason: 'short_pick', actor }, ctx.now);
      await moveOrderLine(trx, line.orderItemId, elsewhere);
      if (outcomes.get(line.orderNo) !== 'held') outcomes.set(line.orderNo, 'reallocated');
    } else {
      // Allocated nowhere while held: a later cancellation releases nothing for it.
      await moveOrderLine(trx, line.orderItemId, null);
      await holdOrder(trx, line.orderId, 'short_pick', ctx.now);
      outcomes.set(line.orderNo, 'held');
    }
  }
  await settleWave(trx, wave, [...new Set(lines.map((l) => l.orderId))], ctx.now);
  const after = (await findWave(trx, ctx.warehouse.id, waveNo))!;
  return {
    countDocumentNo: count.documentNo,
    orders: [...outcomes].map(([orderNo, outcome]) => ({ orderNo, outcome })),
    wave: waveSummary(after, ctx.warehouse, await findWaveLines(trx, [wave.id])),
  };
}
