import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import type { CustomerOrderView } from '../../shared/api/customer-order';
import { ApiError } from '../api/api-error';
import { fetchCustomerOrder, verifyCustomerOrder } from '../api/orders-api';

/** Why the order page has nothing to show, each with its own sentence. */
export type OrderProblem = 'not_found' | 'unreachable' | 'failed';

function problemFor(error: unknown): OrderProblem {
  if (!(error instanceof ApiError)) return 'failed';
  if (error.unreachable) return 'unreachable';
  // 400 (a number that cannot be one) and 404 say the same to the customer: no such order.
  if (error.status === 404 || error.status === 400) return 'not_found';
  return 'failed';
}

/** The order open on its page (`/o/:orderNo`): public until the customer proves it is theirs. */
export const useCustomerOrderStore = defineStore('customer-order', () => {
  const orderNo = ref('');
  const view = shallowRef<CustomerOrderView | null>(null);
  const problem = ref<OrderProblem | null>(null);

  const isCurrent = (no: string) => orderNo.value === no;

  async function openOrder(no: string) {
    if (!isCurrent(no)) view.value = null;
    orderNo.value = no;
    problem.value = null;
    try {
      const loaded = await fetchCustomerOrder(no);
      if (isCurrent(no)) view.value = loaded;
    } catch (error) {
      if (isCurrent(no)) problem.value = problemFor(error);
    }
  }

  /** Throws the ApiError so the digits form can say what was wrong (403 digits, 429 tries). */
  async function verify(phoneLast4: string) {
    const no = orderNo.value;
    const verified = await verifyCustomerOrder(no, phoneLast4);
    if (isCurrent(no)) view.value = verified;
  }

  return { orderNo, view, problem, openOrder, verify };
});
