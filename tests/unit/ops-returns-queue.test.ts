import { describe, expect, it } from 'vitest';
import { opsReturnAction, returnStatusTone } from '../../client/components/ops/ops-return-actions';
import { parseQueue, queueCount, queueOrder, queueStatusFilter } from '../../client/components/ops/ops-queues';
import {
  filtersFromQuery,
  filtersToQuery,
  isBackwardsRange,
  listRequestQuery,
  pageCount,
} from '../../client/components/ops/ops-return-filters';
import { opsRedirectTarget } from '../../client/components/ops/ops-redirect';
import { RETURN_STATUSES } from '../../shared/returns/return-status';

describe('returns queues', () => {
  it.each([
    ['needs_review', 'needs_review'],
    ['to_receive', 'pickup_scheduled,awaiting_dropoff,picked_up'],
    ['to_refund', 'received'],
    ['all', undefined],
  ] as const)('%s asks the API for status %s', (queue, status) => {
    expect(queueStatusFilter(queue)).toBe(status);
  });

  it.each([
    ['needs_review', 'oldest_first'],
    ['to_receive', 'oldest_first'],
    ['to_refund', 'oldest_first'],
    ['all', 'newest_first'],
  ] as const)('%s is listed %s, as the server orders it', (queue, order) => {
    expect(queueOrder(queue)).toBe(order);
  });

  it.each([
    ['to_refund', 'to_refund'],
    ['all', 'all'],
    ['', 'needs_review'],
    ['refunded', 'needs_review'],
    [undefined, 'needs_review'],
    [['to_receive'], 'needs_review'],
  ] as const)('the address bar queue %j opens %s', (raw, queue) => {
    expect(parseQueue(raw)).toBe(queue);
  });

  const counts = { needs_review: 3, pickup_scheduled: 2, awaiting_dropoff: 1, picked_up: 4, received: 5, refunded: 7, cancelled: 1 };
  it.each([
    ['needs_review', 3],
    ['to_receive', 7],
    ['to_refund', 5],
    ['all', 23],
  ] as const)('%s counts %i', (queue, count) => {
    expect(queueCount(queue, counts)).toBe(count);
  });

  it('counts nothing where the server sent no count', () => {
    expect(queueCount('to_receive', {})).toBe(0);
    expect(queueCount('all', {})).toBe(0);
  });
});

describe('returns list filters', () => {
  it.each([
    [{}, { queue: 'needs_review', search: '', reason: '', from: '', to: '', page: 1 }],
    [
      { queue: 'to_refund', q: '  DS0000001234 ', reason: 'wrong_item', from: '2026-11-01', to: '2026-11-30', page: '3' },
      { queue: 'to_refund', search: 'DS0000001234', reason: 'wrong_item', from: '2026-11-01', to: '2026-11-30', page: 3 },
    ],
    // Hand-edited or stale links: bad parts are dropped rather than sent to the server.
    [
      { queue: 'nope', reason: 'bored', from: '1/11/2026', to: '2026-13', page: '-2' },
      { queue: 'needs_review', search: '', reason: '', from: '', to: '', page: 1 },
    ],
    [{ page: '1.5' }, { queue: 'needs_review', search: '', reason: '', from: '', to: '', page: 1 }],
    [{ q: ['first', 'second'] }, { queue: 'needs_review', search: 'first', reason: '', from: '', to: '', page: 1 }],
    [{ q: 'x'.repeat(60) }, { queue: 'needs_review', search: 'x'.repeat(40), reason: '', from: '', to: '', page: 1 }],
  ])('%j → %j', (query, filters) => {
    expect(filtersFromQuery(query)).toEqual(filters);
  });

  it('round-trips through the address bar, leaving defaults out', () => {
    const filters = filtersFromQuery({ queue: 'all', q: 'R1', reason: 'size_fit', from: '2026-11-01', to: '', page: '2' });
    expect(filtersToQuery(filters)).toEqual({ queue: 'all', q: 'R1', reason: 'size_fit', from: '2026-11-01', page: '2' });
    expect(filtersFromQuery(filtersToQuery(filters) as Record<string, string>)).toEqual(filters);
    expect(filtersToQuery(filtersFromQuery({}))).toEqual({});
  });

  it.each([
    [{ queue: 'needs_review' }, 25, { limit: '25', offset: '0', status: 'needs_review' }],
    [{ queue: 'all', page: '3' }, 25, { limit: '25', offset: '50' }],
    [
      { queue: 'to_receive', q: 'OD123', reason: 'no_reason', from: '2026-11-01', to: '2026-11-02' },
      10,
      { limit: '10', offset: '0', status: 'pickup_scheduled,awaiting_dropoff,picked_up', q: 'OD123', reason: 'no_reason', from: '2026-11-01', to: '2026-11-02' },
    ],
  ] as const)('API query for %j (page size %i)', (query, size, expected) => {
    expect(listRequestQuery(filtersFromQuery(query), size)).toEqual(expected);
  });

  it.each([
    ['2026-11-02', '2026-11-01', true],
    ['2026-11-01', '2026-11-01', false],
    ['2026-11-01', '2026-12-01', false],
    ['2026-11-01', '', false],
    ['', '2026-11-01', false],
  ])('from %s to %s backwards: %s', (from, to, backwards) => {
    expect(isBackwardsRange(from, to)).toBe(backwards);
  });

  it.each([
    [0, 1],
    [1, 1],
    [25, 1],
    [26, 2],
    [100, 4],
  ])('%i returns make %i pages', (total, pages) => {
    expect(pageCount(total, 25)).toBe(pages);
  });
});

describe('what staff can do in each status', () => {
  const table = [
    ['requested', 'review', 'attention'],
    ['needs_review', 'review', 'attention'],
    ['approved', null, 'progress'],
    ['pickup_scheduled', null, 'progress'],
    ['awaiting_dropoff', 'receive', 'progress'],
    ['picked_up', 'receive', 'progress'],
    ['received', 'refund', 'attention'],
    ['refunded', null, 'delivered'],
    ['closed', null, 'delivered'],
    ['rejected', null, 'idle'],
    ['cancelled', null, 'idle'],
  ] as const;
  it.each(table)('%s → action %s, tone %s', (status, action, tone) => {
    expect(opsReturnAction(status)).toBe(action);
    expect(returnStatusTone(status)).toBe(tone);
  });

  it('covers every return status', () => {
    expect(table.map(([status]) => status).sort()).toEqual([...RETURN_STATUSES].sort());
  });
});

describe('where sign-in leads', () => {
  it.each([
    ['/ops/returns/R2026110100001', '/ops/returns/R2026110100001'],
    ['/ops/returns?queue=to_refund', '/ops/returns?queue=to_refund'],
    ['/ops', '/ops'],
    ['/ops?x=1', '/ops?x=1'],
    ['/ops/sign-in?redirect=/ops/claims', '/ops'],
    ['/courier', '/ops'],
    ['/opsevil', '/ops'],
    ['https://evil.example/ops/', '/ops'],
    ['//evil.example/ops', '/ops'],
    ['', '/ops'],
    [undefined, '/ops'],
    [['/ops/claims'], '/ops'],
  ])('%j → %s', (raw, target) => {
    expect(opsRedirectTarget(raw)).toBe(target);
  });
});
