/** Who moved stock, kept on each ledger row: the shop's key, a staff member, the system (deadlines), or a customer's return. */
export interface StockActor {
  type: 'shop_api' | 'staff' | 'system';
  id: number | null;
}

export const SYSTEM_ACTOR: StockActor = { type: 'system', id: null };
