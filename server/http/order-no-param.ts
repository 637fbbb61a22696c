import { badRequest } from '../app-error';

const ORDER_NO = /^\d{10,24}$/;

/** An order number from the path, checked before any query (the shop API and the ops face alike). */
export function orderNoParam(value: string | undefined): string {
  if (!value || !ORDER_NO.test(value)) throw badRequest('invalid_order_no', 'An order number is 10 to 24 digits');
  return value;
}
