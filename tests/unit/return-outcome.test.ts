import { describe, expect, it } from 'vitest';
import type { ReturnItemView, ReturnView } from '../../shared/api/return-views';
import type { RefundBreakdown } from '../../shared/returns/refund-breakdown';
import type { ReturnStatus } from '../../shared/returns/return-status';
import {
  inspectionCounts,
  inspectionNote,
  pickupSlotShown,
  refundOutcome,
  returnStatusHint,
  summaryPaysNothing,
} from '../../client/components/returns/return-outcome';

const item = (quantity: number, accepted: number | null, damaged: number | null = accepted === null ? null : 0): ReturnItemView => ({
  orderItemId: 1,
  sku: 'SKU-1',
  name: '收纳箱',
  quantity,
  acceptedQuantity: accepted,
  damagedQuantity: damaged,
});

const breakdown = (totalFen: number, cappedFen = 0): RefundBreakdown => ({
  lines: [],
  itemsFen: totalFen + cappedFen,
  shippingRefundFen: 0,
  returnShippingFeeFen: 0,
  cappedFen,
  totalFen,
});

const slot = { start: Date.UTC(2026, 11, 2, 6), end: Date.UTC(2026, 11, 2, 10) };

function view(status: ReturnStatus, over: Partial<ReturnView> = {}): Pick<ReturnView, 'status' | 'items' | 'settlement' | 'pickupSlot' | 'refund'> {
  return { status, items: [item(1, null)], settlement: null, pickupSlot: null, refund: null, ...over };
}

describe('what a return comes to for the customer’s money', () => {
  it.each([
    ['requested', {}, { kind: 'expected' }],
    ['pickup_scheduled', {}, { kind: 'expected' }],
    // Ended returns promise nothing, whatever the quote said.
    ['cancelled', {}, { kind: 'none', reason: 'cancelled' }],
    ['rejected', {}, { kind: 'none', reason: 'rejected' }],
    ['received', { items: [item(2, 1)], settlement: breakdown(5000) }, { kind: 'settled' }],
    ['refunded', { items: [item(1, 1)], settlement: breakdown(5000) }, { kind: 'settled' }],
    ['closed', { items: [item(1, 0, 1)], settlement: breakdown(0) }, { kind: 'none', reason: 'nothing_accepted' }],
    // Accepted, but the order had been paid back in full already: the cap took it all.
    ['closed', { items: [item(1, 1)], settlement: breakdown(0, 5525) }, { kind: 'none', reason: 'nothing_left' }],
  ] as [ReturnStatus, Partial<ReturnView>, ReturnType<typeof refundOutcome>][])('%s %j → %j', (status, over, outcome) => {
    expect(refundOutcome(view(status, over))).toEqual(outcome);
  });

  it.each([
    ['awaiting_dropoff', 10890, false],
    ['refunded', 22400, false],
    ['cancelled', 10890, true],
    ['rejected', 22400, true],
    ['closed', 0, true],
  ] as const)('a %s row in “your returns” with %i fen pays nothing: %s', (status, refundFen, nothing) => {
    expect(summaryPaysNothing({ status, refundFen })).toBe(nothing);
  });
});

describe('the sentence under a return’s status', () => {
  it('names the slot while a pickup is booked, and the amount once refunded', () => {
    expect(returnStatusHint(view('pickup_scheduled', { pickupSlot: slot }))).toEqual({ key: 'pickup_scheduled_at', slot });
    const refund = { amountFen: 7400, status: 'succeeded' as const, completedAt: 1, reference: 'SIM-1', usualArrival: { minWorkingDays: 1, maxWorkingDays: 3 } };
    expect(returnStatusHint(view('refunded', { refund, settlement: breakdown(7400), items: [item(1, 1)] }))).toEqual({ key: 'refunded_amount', amountFen: 7400 });
  });

  it('says “inspecting” only until the items are counted', () => {
    expect(returnStatusHint(view('received'))).toEqual({ key: 'received' });
    expect(returnStatusHint(view('received', { items: [item(1, 1)], settlement: breakdown(15900) }))).toEqual({ key: 'received_inspected', amountFen: 15900 });
  });

  it('explains a return closed with nothing paid, by what happened', () => {
    expect(returnStatusHint(view('closed', { items: [item(1, 0, 1)], settlement: breakdown(0) }))).toEqual({ key: 'closed_nothing_accepted' });
    expect(returnStatusHint(view('closed', { items: [item(1, 1)], settlement: breakdown(0, 100) }))).toEqual({ key: 'closed_nothing_left' });
    expect(returnStatusHint(view('closed', { items: [item(1, 1)], settlement: breakdown(5525) }))).toEqual({ key: 'closed' });
  });

  it.each(['requested', 'approved', 'rejected', 'cancelled', 'picked_up'] as const)('%s has its own sentence', (status) => {
    expect(returnStatusHint(view(status))).toEqual({ key: status });
  });
});

describe('each item after inspection', () => {
  it.each([
    [item(1, null), null],
    [item(2, 2, 0), { accepted: 2, damaged: 0, refused: 0 }],
    [item(1, 0, 1), { accepted: 0, damaged: 1, refused: 0 }],
    [item(3, 1, 1), { accepted: 1, damaged: 1, refused: 1 }],
    [item(2, 0, 0), { accepted: 0, damaged: 0, refused: 2 }],
  ])('%j → %j', (returned, counts) => {
    expect(inspectionCounts(returned)).toEqual(counts);
  });

  it('takes the shop’s words from the inspection step, newest first', () => {
    const at = (status: ReturnStatus, note: string | null) => ({ status, occurredAt: 0, actor: 'staff' as const, note, fact: null, reasonCode: null });
    expect(inspectionNote([at('closed', null), at('received', '有明显使用痕迹'), at('requested', '颜色不对')])).toBe('有明显使用痕迹');
    expect(inspectionNote([at('received', null), at('requested', '颜色不对')])).toBeNull();
  });
});

describe('the booked pickup slot on the return’s page', () => {
  it.each([
    ['approved', 'ahead'],
    ['pickup_scheduled', 'ahead'],
    // Collected: "tomorrow" would count from whenever the page is read.
    ['picked_up', 'history'],
    ['received', 'history'],
    ['refunded', 'history'],
    ['closed', 'history'],
    ['cancelled', 'hidden'],
    ['rejected', 'hidden'],
  ] as const)('%s → %s', (status, shown) => {
    expect(pickupSlotShown(status)).toBe(shown);
  });
});
