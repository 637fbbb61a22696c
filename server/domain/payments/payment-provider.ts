/**
 * Where refunds are paid. A real provider (Alipay, WeChat Pay, UnionPay) sits behind this
 * interface; the app ships a simulated one because no real one can be reached from here.
 *
 * The contract that makes "refunded exactly once" hold: a provider pays at most once per
 * idempotency key, and answers a repeated key with the first payment's result.
 */
export interface RefundOrder {
  idempotencyKey: string;
  orderNo: string;
  amountFen: number;
}

export interface RefundReceipt {
  /** The provider's reference, shown to the customer for their statement. */
  reference: string;
  amountFen: number;
  /** How long the money usually takes to reach the customer once paid (told to them). */
  usualArrival: UsualArrival;
}

/**
 * The provider's own word on how long a refund takes: back the way it was paid (原路退回),
 * in working days. Alipay and WeChat Pay balances are quick, bank cards take longer.
 */
export interface UsualArrival {
  minWorkingDays: number;
  maxWorkingDays: number;
}

/** Taking the customer's money for an order; like refunds, at most once per idempotency key. */
export interface ChargeOrder {
  idempotencyKey: string;
  orderNo: string;
  amountFen: number;
}

export interface ChargeReceipt {
  /** The provider's transaction reference (支付宝交易号), kept with the payment. */
  reference: string;
  amountFen: number;
}

export interface PaymentProvider {
  readonly name: string;
  charge(order: ChargeOrder): Promise<ChargeReceipt>;
  refund(order: RefundOrder): Promise<RefundReceipt>;
}

/** The provider refused or could not be reached; nothing was paid, and the refund stays pending. */
export class PaymentProviderError extends Error {
  override name = 'PaymentProviderError';
}
