import type { ReceiptPlanRequest, ReceiptPlanView, ReplenishmentResponse, TransferOrderRequest, TransferOrderView } from '../../shared/api/ops-replenishment';
import { api } from './api-client';
import { okResponse } from './api-error';

/** Staff's replenishment: suggestions, receipt plans and transfer orders (409: short at the source, or already received). */
export async function fetchReplenishment(): Promise<ReplenishmentResponse> {
  return (await okResponse(() => api.ops.replenishment.$get())).json();
}

export async function fetchReceiptPlans(): Promise<ReceiptPlanView[]> {
  return (await (await okResponse(() => api.ops.replenishment['receipt-plans'].$get())).json()).plans;
}

export async function planReceipt(body: ReceiptPlanRequest): Promise<ReceiptPlanView> {
  return (await okResponse(() => api.ops.replenishment['receipt-plans'].$post({ json: body }))).json();
}

export async function receiveReceiptPlan(planNo: string): Promise<ReceiptPlanView> {
  return (await okResponse(() => api.ops.replenishment['receipt-plans'][':no'].receive.$post({ param: { no: planNo }, json: {} }))).json();
}

export async function fetchTransferOrders(): Promise<TransferOrderView[]> {
  return (await (await okResponse(() => api.ops['transfer-orders'].$get({ query: {} }))).json()).transferOrders;
}

export async function dispatchTransfer(body: TransferOrderRequest): Promise<TransferOrderView> {
  return (await okResponse(() => api.ops['transfer-orders'].$post({ json: body }))).json();
}

export async function receiveTransfer(transferNo: string): Promise<TransferOrderView> {
  return (await okResponse(() => api.ops['transfer-orders'][':no'].receive.$post({ param: { no: transferNo } }))).json();
}
