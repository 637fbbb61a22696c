import type { Kysely } from 'kysely';
import type { OpsReturnList } from '../../../shared/api/return-views';
import { RETURN_STATUSES, type ReturnStatus } from '../../../shared/returns/return-status';
import { badRequest } from '../../app-error';
import type { Database } from '../../db/schema';
import { dayRange } from '../calendar/day-range';
import { listedRefundFen } from './return-repository';

export interface OpsReturnFilter {
  statuses?: ReturnStatus[];
  reason?: string;
  q?: string;
  from?: string;
  to?: string;
  limit: number;
  offset: number;
}

/** Parses `status=a,b` into known statuses; an unknown one is a 400, not an empty list. */
export function parseStatuses(raw: string | undefined): ReturnStatus[] | undefined {
  if (!raw) return undefined;
  const statuses = raw.split(',');
  const unknown = statuses.find((s) => !(RETURN_STATUSES as readonly string[]).includes(s));
  if (unknown) throw badRequest('invalid_status', `Unknown return status ${unknown.slice(0, 30)}`);
  return statuses as ReturnStatus[];
}

/**
 * Both orders are by the request date, the one date the list shows, so the rows read in an
 * obvious sequence. A status filter is a queue someone works through: the request waiting
 * longest comes first. Without one it is the whole history, read like an inbox: newest first.
 * (Ordering by the last change instead put rows out of step with the dates on screen.)
 */
function requestOrder(statuses: readonly ReturnStatus[] | undefined): 'asc' | 'desc' {
  return statuses?.length ? 'asc' : 'desc';
}

export async function listOpsReturns(db: Kysely<Database>, filter: OpsReturnFilter, timeZone: string): Promise<OpsReturnList> {
  const { start, end } = dayRange(filter.from, filter.to, timeZone);
  const q = filter.q?.trim().toUpperCase();
  const base = db
    .selectFrom('return_requests as r')
    .innerJoin('orders as o', 'o.id', 'r.order_id')
    .innerJoin('shipments as s', 's.id', 'r.shipment_id')
    .$if(filter.reason !== undefined, (b) => b.where('r.reason_code', '=', filter.reason!))
    .$if(start !== undefined, (b) => b.where('r.created_at', '>=', start!))
    .$if(end !== undefined, (b) => b.where('r.created_at', '<', end!))
    .$if(!!q, (b) => b.where((eb) => eb.or([eb('r.return_no', '=', q!), eb('s.tracking_no', '=', q!), eb('o.order_no', '=', q!)])));
  const filtered = base.$if(filter.statuses !== undefined, (b) => b.where('r.status', 'in', filter.statuses!));
  const order = requestOrder(filter.statuses);
  const [rows, total, counts] = await Promise.all([
    filtered
      .select(['r.return_no', 'r.status', 'r.reason_code', 'r.method', 'r.quote_fen', 'r.settlement', 'r.created_at', 'r.updated_at', 's.tracking_no', 'o.order_no', 'o.recipient_name', 'o.city'])
      .select((eb) => eb.selectFrom('return_items as ri').select((e) => e.fn.sum<number>('ri.quantity').as('n')).whereRef('ri.return_id', '=', 'r.id').as('item_count'))
      .orderBy('r.created_at', order)
      .orderBy('r.id', order)
      .limit(filter.limit)
      .offset(filter.offset)
      .execute(),
    filtered.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    base.select(['r.status', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('r.status').execute(),
  ]);
  return {
    returns: rows.map((r) => ({
      returnNo: r.return_no,
      status: r.status as ReturnStatus,
      reasonCode: r.reason_code as OpsReturnList['returns'][number]['reasonCode'],
      itemCount: Number(r.item_count ?? 0),
      refundFen: listedRefundFen(r),
      createdAt: r.created_at,
      trackingNo: r.tracking_no,
      orderNo: r.order_no,
      method: r.method as 'pickup' | 'dropoff',
      customerName: r.recipient_name,
      city: r.city,
      updatedAt: r.updated_at,
    })),
    total: Number(total.n),
    counts: Object.fromEntries(counts.map((c) => [c.status, Number(c.n)])),
  };
}
