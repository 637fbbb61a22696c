import type { CustomerOrderView, VerifiedCustomerOrder } from '../../shared/api/customer-order';
import { api } from './api-client';
import { okResponse } from './api-error';

/** The order page's view: verified once this browser holds a session for the order (HttpOnly cookie), public before; 404 for no such order. */
export async function fetchCustomerOrder(orderNo: string): Promise<CustomerOrderView> {
  const response = await okResponse(() => api.orders[':orderNo'].$get({ param: { orderNo } }));
  return response.json();
}

/** 403 for wrong digits, 429 after too many tries; the session it opens also opens the order's parcels. */
export async function verifyCustomerOrder(orderNo: string, phoneLast4: string): Promise<VerifiedCustomerOrder> {
  const response = await okResponse(() => api.orders[':orderNo'].verify.$post({ param: { orderNo }, json: { phoneLast4 } }));
  return response.json();
}
