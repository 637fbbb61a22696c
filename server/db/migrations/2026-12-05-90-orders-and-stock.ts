import { PostgresAdapter, sql, type CreateTableBuilder, type Kysely } from 'kysely';

// Frozen in time: imports no application code. Orders and stock (product document 4b): the
// shop's way in. A catalog with names in both languages, warehouses and the provinces they
// serve, stock per SKU and warehouse with every change in a ledger, coupons and their uses,
// orders that wait for payment, payments and the provider's notifications, the shop's API keys
// and idempotency keys, a notification outbox with the simulated SMS provider's record, and
// low-stock alerts.
//
// `orders.paid_at` stays NOT NULL: SQLite cannot drop a NOT NULL without rebuilding a table
// that five others reference (and its rebuild trips the foreign keys inside the migration's
// transaction). An order not paid yet keeps 0 there; the row mapper turns 0 into null.

type AnyDb = Kysely<any>;
type Builder = CreateTableBuilder<string, string>;

export async function up(db: AnyDb): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const id = (t: Builder): Builder =>
    pg
      ? t.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
      : t.addColumn('id', 'integer', (c) => c.primaryKey());

  // Catalog: `name` stays the Chinese name; the English one beside it.
  await db.schema.alterTable('products').addColumn('name_en', 'text', (c) => c.notNull().defaultTo('')).execute();
  await db.schema.alterTable('products').addColumn('barcode', 'text').execute();
  await db.schema.alterTable('products').addColumn('weight_grams', 'integer').execute();
  await db.schema.alterTable('products').addColumn('updated_at', 'bigint', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.createIndex('products_barcode_idx').on('products').column('barcode').unique().where(sql.ref('barcode'), 'is not', null).execute();
  await db.schema.createIndex('customers_phone_idx').on('customers').column('phone').execute();

  await id(db.schema.createTable('warehouses'))
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name_zh', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    // The provinces it ships to first (JSON array of names as addresses write them: 广东省).
    .addColumn('provinces', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('province', 'text', (c) => c.notNull())
    .addColumn('city', 'text', (c) => c.notNull())
    .addColumn('district', 'text', (c) => c.notNull())
    .addColumn('street', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();

  // One row per SKU and warehouse. The CHECK is the last guard against overselling: whatever
  // a bug in the services did, the database refuses more reserved than on hand.
  await id(db.schema.createTable('stock_levels'))
    .addColumn('warehouse_id', 'integer', (c) => c.notNull().references('warehouses.id'))
    .addColumn('product_id', 'integer', (c) => c.notNull().references('products.id'))
    .addColumn('on_hand', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('reserved', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('safety_stock', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('stock_levels_sku_warehouse', ['product_id', 'warehouse_id'])
    .addCheckConstraint('stock_levels_within', sql`on_hand >= 0 and reserved >= 0 and reserved <= on_hand and safety_stock >= 0`)
    .execute();
  await db.schema.createIndex('stock_levels_warehouse_idx').on('stock_levels').columns(['warehouse_id', 'product_id']).execute();

  // A receipt, a count or a transfer: the paper a batch of ledger rows belongs to.
  await id(db.schema.createTable('stock_documents'))
    .addColumn('document_no', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('warehouse_id', 'integer', (c) => c.notNull().references('warehouses.id'))
    .addColumn('to_warehouse_id', 'integer', (c) => c.references('warehouses.id'))
    .addColumn('note', 'text')
    .addColumn('actor_type', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'integer')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('stock_documents_created_idx').on('stock_documents').columns(['warehouse_id', 'created_at']).execute();

  // Every change to on hand or reserved, with the balance after it: on hand is the sum of
  // on_hand_delta, reserved the sum of reserved_delta, for every SKU and warehouse.
  await id(db.schema.createTable('stock_ledger'))
    .addColumn('warehouse_id', 'integer', (c) => c.notNull().references('warehouses.id'))
    .addColumn('product_id', 'integer', (c) => c.notNull().references('products.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('on_hand_delta', 'integer', (c) => c.notNull())
    .addColumn('reserved_delta', 'integer', (c) => c.notNull())
    .addColumn('on_hand_after', 'integer', (c) => c.notNull())
    .addColumn('reserved_after', 'integer', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('document_id', 'integer', (c) => c.references('stock_documents.id'))
    .addColumn('order_id', 'integer', (c) => c.references('orders.id'))
    .addColumn('return_id', 'integer', (c) => c.references('return_requests.id'))
    .addColumn('actor_type', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'integer')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('stock_ledger_level_idx').on('stock_ledger').columns(['product_id', 'warehouse_id', 'id']).execute();
  await db.schema.createIndex('stock_ledger_warehouse_idx').on('stock_ledger').columns(['warehouse_id', 'id']).execute();
  await db.schema.createIndex('stock_ledger_order_idx').on('stock_ledger').column('order_id').execute();

  // Orders from the shop: a deadline to pay, how they ended, where they came from.
  await db.schema.alterTable('orders').addColumn('pay_by', 'bigint').execute();
  await db.schema.alterTable('orders').addColumn('cancelled_at', 'bigint').execute();
  await db.schema.alterTable('orders').addColumn('cancel_reason', 'text').execute();
  await db.schema.alterTable('orders').addColumn('api_key_id', 'integer').execute();
  await db.schema.alterTable('orders').addColumn('updated_at', 'bigint', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.createIndex('orders_status_pay_by_idx').on('orders').columns(['status', 'pay_by']).execute();
  await db.schema.createIndex('orders_created_idx').on('orders').column('created_at').execute();
  // Which warehouse a line ships from (null on lines from before warehouses).
  await db.schema.alterTable('order_items').addColumn('warehouse_id', 'integer', (c) => c.references('warehouses.id')).execute();

  await id(db.schema.createTable('coupons'))
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('percent_off', 'integer')
    .addColumn('amount_off_fen', 'integer')
    .addColumn('threshold_fen', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('starts_at', 'bigint')
    .addColumn('ends_at', 'bigint')
    .addColumn('total_limit', 'integer')
    .addColumn('per_customer_limit', 'integer')
    .addColumn('used_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addCheckConstraint('coupons_within_limit', sql`used_count >= 0 and (total_limit is null or used_count <= total_limit)`)
    .execute();

  await id(db.schema.createTable('coupon_redemptions'))
    .addColumn('coupon_id', 'integer', (c) => c.notNull().references('coupons.id'))
    .addColumn('order_id', 'integer', (c) => c.notNull().references('orders.id'))
    .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id'))
    .addColumn('discount_fen', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    // Set when the order was cancelled before it was paid: the use is given back.
    .addColumn('released_at', 'bigint')
    .addUniqueConstraint('coupon_redemptions_once', ['coupon_id', 'order_id'])
    .execute();
  await db.schema.createIndex('coupon_redemptions_customer_idx').on('coupon_redemptions').columns(['coupon_id', 'customer_id']).execute();

  await id(db.schema.createTable('payments'))
    .addColumn('order_id', 'integer', (c) => c.notNull().references('orders.id'))
    .addColumn('provider', 'text', (c) => c.notNull())
    .addColumn('provider_reference', 'text', (c) => c.notNull().unique())
    .addColumn('amount_fen', 'integer', (c) => c.notNull())
    .addColumn('paid_at', 'bigint', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  // An order is paid once: a second charge for it is refused by the database too.
  await db.schema.createIndex('payments_order_idx').on('payments').column('order_id').unique().execute();

  // The simulated payment provider's own books for charges, keyed by idempotency key like a
  // real provider's: a repeated charge request takes no second payment.
  await db.schema
    .createTable('simulated_provider_charges')
    .addColumn('idempotency_key', 'text', (c) => c.primaryKey())
    .addColumn('reference', 'text', (c) => c.notNull().unique())
    .addColumn('order_no', 'text', (c) => c.notNull())
    .addColumn('amount_fen', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();

  // What the provider told us, by its notification id: a repeated notification is answered
  // the same and applied once.
  await db.schema
    .createTable('payment_notifications')
    .addColumn('notification_id', 'text', (c) => c.primaryKey())
    .addColumn('provider', 'text', (c) => c.notNull())
    .addColumn('order_no', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('received_at', 'bigint', (c) => c.notNull())
    .execute();

  await id(db.schema.createTable('api_keys'))
    .addColumn('name', 'text', (c) => c.notNull())
    // The first characters, shown in the list so staff can tell keys apart; never the key.
    .addColumn('key_prefix', 'text', (c) => c.notNull())
    .addColumn('key_hash', 'text', (c) => c.notNull().unique())
    .addColumn('scopes', 'text', (c) => c.notNull().defaultTo('["shop"]'))
    .addColumn('created_by', 'integer', (c) => c.references('staff.id'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('last_used_at', 'bigint')
    .addColumn('revoked_at', 'bigint')
    .addColumn('revoked_by', 'integer', (c) => c.references('staff.id'))
    .execute();

  await id(db.schema.createTable('idempotency_keys'))
    .addColumn('api_key_id', 'integer', (c) => c.notNull().references('api_keys.id'))
    .addColumn('idempotency_key', 'text', (c) => c.notNull())
    .addColumn('request_method', 'text', (c) => c.notNull())
    .addColumn('request_path', 'text', (c) => c.notNull())
    .addColumn('request_hash', 'text', (c) => c.notNull())
    // in_flight while the first request runs; done with the stored answer after.
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('response_status', 'integer')
    .addColumn('response_body', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('completed_at', 'bigint')
    .addUniqueConstraint('idempotency_keys_once', ['api_key_id', 'idempotency_key'])
    .execute();
  await db.schema.createIndex('idempotency_keys_created_idx').on('idempotency_keys').column('created_at').execute();

  // Messages to customers, written in the transaction that makes them due and sent after by
  // the sender with retries. The dedupe key makes "told once" hold for each event.
  await id(db.schema.createTable('notifications'))
    .addColumn('dedupe_key', 'text', (c) => c.notNull().unique())
    .addColumn('order_id', 'integer', (c) => c.references('orders.id'))
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('recipient', 'text', (c) => c.notNull())
    .addColumn('template', 'text', (c) => c.notNull())
    .addColumn('params', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'bigint', (c) => c.notNull())
    .addColumn('last_error', 'text')
    .addColumn('provider_reference', 'text')
    .addColumn('sent_at', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('notifications_due_idx').on('notifications').columns(['status', 'next_attempt_at']).execute();
  await db.schema.createIndex('notifications_order_idx').on('notifications').column('order_id').execute();

  // The simulated SMS provider's own record of what it would have sent.
  await id(db.schema.createTable('simulated_sms_messages'))
    .addColumn('reference', 'text', (c) => c.notNull().unique())
    .addColumn('recipient', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();

  // Tries at an order page's digits, kept like the parcel's (verify_attempts) so the same
  // limits slow guessing at an order.
  await id(db.schema.createTable('order_verify_attempts'))
    .addColumn('order_id', 'integer', (c) => c.notNull().references('orders.id'))
    .addColumn('client_key', 'text', (c) => c.notNull())
    .addColumn('succeeded', 'integer', (c) => c.notNull())
    .addColumn('attempted_at', 'bigint', (c) => c.notNull())
    .addColumn('stage', 'text', (c) => c.notNull().defaultTo('checked'))
    .execute();
  await db.schema.createIndex('order_verify_attempts_order_idx').on('order_verify_attempts').columns(['order_id', 'attempted_at']).execute();
  await db.schema.createIndex('order_verify_attempts_client_idx').on('order_verify_attempts').columns(['client_key', 'attempted_at']).execute();

  await id(db.schema.createTable('low_stock_alerts'))
    .addColumn('warehouse_id', 'integer', (c) => c.notNull().references('warehouses.id'))
    .addColumn('product_id', 'integer', (c) => c.notNull().references('products.id'))
    .addColumn('available_at_open', 'integer', (c) => c.notNull())
    .addColumn('safety_stock', 'integer', (c) => c.notNull())
    .addColumn('opened_at', 'bigint', (c) => c.notNull())
    .addColumn('closed_at', 'bigint')
    .execute();
  // One open alert per SKU and warehouse, however many orders push it under at once.
  await db.schema
    .createIndex('low_stock_alerts_open_idx')
    .on('low_stock_alerts')
    .columns(['product_id', 'warehouse_id'])
    .unique()
    .where(sql.ref('closed_at'), 'is', null)
    .execute();
}
