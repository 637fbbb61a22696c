import type { Kysely } from 'kysely';
import type { VerifiedTrackingDetails } from '../../../shared/api/tracking-view';
import type { Database } from '../../db/schema';
import { instructionsRefusal } from '../../../shared/tracking/instructions-applicability';
import { findLatestPickupDrop } from './tracking-event-repository';
import { maskName, maskPhone, maskStreet } from './masking';
import { receiverRole } from './receiver-role';
import type { Shipment } from './shipment-repository';

/**
 * What a customer who proved the parcel is theirs may see: items, masked address, and the proof
 * of delivery as the courier recorded it (receiver's name, role, photo, signature) — masking
 * it would hide from the customer who holds their parcel; the public view carries none of it.
 */
export async function getVerifiedDetails(db: Kysely<Database>, shipment: Shipment, verifiedUntil: number): Promise<VerifiedTrackingDetails> {
  const [order, items, delivery, pickup] = await Promise.all([
    db.selectFrom('orders').selectAll().where('id', '=', shipment.orderId).executeTakeFirstOrThrow(),
    db
      .selectFrom('order_items')
      .innerJoin('products', 'products.id', 'order_items.product_id')
      .select(['products.sku', 'products.name', 'products.category', 'order_items.quantity'])
      .where('order_items.order_id', '=', shipment.orderId)
      .orderBy('order_items.id')
      .execute(),
    db
      .selectFrom('tracking_events')
      .select(['occurred_at', 'recipient_name', 'photo_id', 'signature_id'])
      .where('shipment_id', '=', shipment.id)
      .where('status', '=', 'Delivered')
      .orderBy('occurred_at', 'desc')
      .executeTakeFirst(),
    // The code matters only while the parcel waits; once collected it opens nothing.
    shipment.status === 'AvailableForPickup' ? findLatestPickupDrop(db, shipment.id) : null,
  ]);
  return {
    trackingNo: shipment.trackingNo,
    orderNo: order.order_no,
    recipient: { name: maskName(order.recipient_name), phone: maskPhone(order.recipient_phone) },
    address: {
      province: order.province,
      city: order.city,
      district: order.district,
      street: maskStreet(order.street),
    },
    items: items.map((i) => ({ sku: i.sku, name: i.name, category: i.category, quantity: i.quantity })),
    proof: delivery
      ? {
          deliveredAt: delivery.occurred_at,
          signedBy: delivery.recipient_name,
          receiverRole: delivery.recipient_name ? receiverRole(delivery.recipient_name) : null,
          photoUrl: uploadUrl(delivery.photo_id),
          signatureUrl: uploadUrl(delivery.signature_id),
        }
      : null,
    pickup,
    instructions: shipment.deliveryInstructions,
    canChangeInstructions: instructionsRefusal(shipment.status, shipment.subStatus) === null,
    verifiedUntil,
    attemptChoice: shipment.attemptChoice,
  };
}

const uploadUrl = (id: string | null) => (id ? `/api/uploads/${encodeURIComponent(id)}` : null);
