import type { OpsOrderDetail, OpsOrderList } from '../../shared/api/ops-orders';
import { api } from './api-client';
import { okResponse } from './api-error';

/**
 * Staff's orders (401 without a session, 403 for a courier's). A cancel answers 409 when the
 * order shipped or was cancelled meanwhile; the page then reloads the order.
 */

/** `query` as built by orderListRequest: q, status, from, to, limit, offset. */
export async function listOpsOrders(query: Record<string, string>): Promise<OpsOrderList> {
  return (await okResponse(() => api.ops.orders.$get({ query }))).json();
}

export async function fetchOpsOrder(orderNo: string): Promise<OpsOrderDetail> {
  return (await okResponse(() => api.ops.orders[':orderNo'].$get({ param: { orderNo } }))).json();
}

export async function cancelOpsOrder(orderNo: string, reason: string): Promise<OpsOrderDetail> {
  return (await okResponse(() => api.ops.orders[':orderNo'].cancel.$post({ param: { orderNo }, json: { reason } }))).json();
}
