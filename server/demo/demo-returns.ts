import { createHash, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { ItemCondition, ReturnReasonCode } from '../../shared/returns/return-reasons';
import { AppError } from '../app-error';
import type { Database } from '../db/schema';
import { syncCourierReports } from '../domain/courier/sync-service';
import { simulatedPaymentProvider } from '../domain/payments/simulated-payment-provider';
import { offeredPickupSlots } from '../domain/returns/pickup-slots';
import { receiveReturn, refundReturn, reviewReturn } from '../domain/returns/return-ops-service';
import { requireReturn } from '../domain/returns/return-repository';
import { cancelReturn, createReturn } from '../domain/returns/return-service';
import { findShipmentByTrackingNo } from '../domain/tracking/shipment-repository';
import { storeUpload } from '../domain/uploads/upload-service';
import { demoEvidencePng } from './demo-photo';

/**
 * After-sales for the demo: returns resting in every state a person can find them in, and
 * lost-parcel claims, made by driving the real services along each story (so every number is
 * what the rules say), each step at its own time in the past.
 */

const HOUR = 3_600_000;

type Step = 'pickup_failed' | 'picked_up' | 'delivered_back' | 'receive' | 'receive_nothing' | 'refund' | 'cancel' | 'reject';

interface ReturnStory {
  reason: ReturnReasonCode;
  /** None for a no-reason return. */
  detail: string | null;
  condition: ItemCondition;
  method: 'pickup' | 'dropoff';
  photo: boolean;
  note: string;
  /** How long before the demo's "now" the customer asked. */
  ageHours: number;
  steps: Step[];
  /** What kind of thing it can be told about: no one returns a book for its size. */
  fits: readonly string[];
}

const WEARABLE = ['apparel', 'shoes'];
const ANY_RETURNABLE = ['apparel', 'shoes', 'electronics', 'home', 'books', 'beauty'];

const STORIES: ReturnStory[] = [
  { reason: 'no_reason', detail: null, condition: 'unopened', method: 'dropoff', photo: false, note: '', ageHours: 20, steps: [], fits: ANY_RETURNABLE },
  { reason: 'size_fit', detail: 'too_small', condition: 'opened', method: 'pickup', photo: false, note: '平时穿M，这件偏小一码', ageHours: 10, steps: [], fits: ['apparel'] },
  { reason: 'size_fit', detail: 'too_large', condition: 'opened', method: 'pickup', photo: false, note: '', ageHours: 40, steps: ['pickup_failed'], fits: WEARABLE },
  { reason: 'no_reason', detail: null, condition: 'used', method: 'dropoff', photo: false, note: '只试穿了一次', ageHours: 30, steps: [], fits: WEARABLE },
  { reason: 'no_reason', detail: null, condition: 'used', method: 'dropoff', photo: false, note: '', ageHours: 70, steps: ['reject'], fits: [...WEARABLE, 'home'] },
  { reason: 'wrong_item', detail: 'wrong_size_or_colour', condition: 'unopened', method: 'pickup', photo: true, note: '下单的是黑色，收到的是白色', ageHours: 50, steps: ['picked_up'], fits: WEARABLE },
  { reason: 'not_as_described', detail: 'looks_different', condition: 'opened', method: 'dropoff', photo: true, note: '颜色和图片差很多', ageHours: 80, steps: ['receive'], fits: [...WEARABLE, 'home', 'beauty'] },
  { reason: 'damaged_in_transit', detail: 'item_broken', condition: 'opened', method: 'pickup', photo: true, note: '外箱被压坏，里面的东西摔坏了', ageHours: 120, steps: ['picked_up', 'delivered_back', 'receive', 'refund'], fits: ['home', 'electronics'] },
  { reason: 'no_reason', detail: null, condition: 'unopened', method: 'dropoff', photo: false, note: '', ageHours: 100, steps: ['receive', 'refund'], fits: ANY_RETURNABLE },
  { reason: 'quality_defect', detail: 'stopped_working', condition: 'used', method: 'pickup', photo: true, note: '用了两天就开不了机', ageHours: 150, steps: ['picked_up', 'delivered_back', 'receive', 'refund'], fits: ['electronics'] },
  { reason: 'no_reason', detail: null, condition: 'opened', method: 'dropoff', photo: false, note: '', ageHours: 90, steps: ['receive_nothing'], fits: [...WEARABLE, 'home'] },
  { reason: 'size_fit', detail: 'poor_fit', condition: 'opened', method: 'pickup', photo: false, note: '', ageHours: 60, steps: ['cancel'], fits: WEARABLE },
];

export interface DemoReturnsOptions {
  now: number;
  timeZone: string;
  uploadDir: string;
}

export async function seedDemoReturns(db: Kysely<Database>, options: DemoReturnsOptions): Promise<{ returns: number; claims: number }> {
  let clock = options.now;
  const payments = simulatedPaymentProvider(db, () => clock);
  const staff = await db.selectFrom('staff').select('id').orderBy('id').executeTakeFirst();
  if (!staff) return { returns: 0, claims: 0 };
  const delivered = await db
    .selectFrom('shipments')
    .select(['tracking_no', 'delivered_at', 'courier_id'])
    .where('status', '=', 'Delivered')
    .where('leg', '=', 'delivery')
    .orderBy('id')
    .execute();
  // The first delivered parcel is the one the demo page offers for trying a return: keep it free.
  const used = new Set<string>(delivered.slice(0, 1).map((d) => d.tracking_no));
  const facts = () => ({ now: clock, timeZone: options.timeZone });

  for (const [index, story] of STORIES.entries()) {
    const askedAt = options.now - story.ageHours * HOUR;
    const window = (story.reason === 'no_reason' || story.reason === 'size_fit' ? 6 : 14) * 24 * HOUR;
    for (const candidate of delivered) {
      if (used.has(candidate.tracking_no) || candidate.delivered_at === null) continue;
      if (candidate.delivered_at > askedAt - 6 * HOUR || candidate.delivered_at < askedAt - window) continue;
      clock = askedAt;
      const shipment = (await findShipmentByTrackingNo(db, candidate.tracking_no))!;
      const item = await db
        .selectFrom('order_items as i')
        .innerJoin('products as p', 'p.id', 'i.product_id')
        .select('i.id')
        .where('i.order_id', '=', shipment.orderId)
        .where('p.category', 'in', story.fits)
        .orderBy('i.id')
        .executeTakeFirst();
      if (!item) continue;
      const photoIds = story.photo ? [await storeEvidence(db, shipment.orderId, index, options.uploadDir, clock)] : [];
      const slot = offeredPickupSlots(clock, options.timeZone)[index % 2];
      const created = await createReturn(
        db,
        shipment,
        {
          trackingNo: shipment.trackingNo,
          items: [{ orderItemId: item.id, quantity: 1 }],
          reasonCode: story.reason,
          reasonDetail: story.detail,
          condition: story.condition,
          method: story.method,
          photoIds,
          pickupSlotStart: story.method === 'pickup' ? slot!.start : null,
          note: story.note,
        },
        facts(),
      ).catch((err: unknown) => {
        // Not returnable (a fresh-food order for a no-reason story, say): try the next parcel.
        if (err instanceof AppError && err.status === 422) return null;
        throw err;
      });
      if (!created) continue;
      used.add(candidate.tracking_no);
      await playSteps(db, created.returnNo, story.steps, {
        staffId: staff.id,
        advance: (hours) => (clock = Math.min(options.now, clock + hours * HOUR)),
        reach: (at) => (clock = Math.min(options.now, Math.max(clock, at))),
        now: () => clock,
        payments,
        timeZone: options.timeZone,
        uploadDir: options.uploadDir,
      });
      break;
    }
  }
  const claims = await seedDemoClaims(db, used, options, () => clock, (at) => (clock = at));
  await renumber(db, options.now);
  return { returns: await count(db, 'return_requests'), claims };
}

interface StepContext {
  staffId: number;
  advance: (hours: number) => number;
  /** Moves the clock on to `at` unless it is already past it (never past the demo's now). */
  reach: (at: number) => number;
  now: () => number;
  payments: ReturnType<typeof simulatedPaymentProvider>;
  timeZone: string;
  uploadDir: string;
}

async function playSteps(db: Kysely<Database>, returnNo: string, steps: Step[], ctx: StepContext): Promise<void> {
  const staff = { id: ctx.staffId };
  // A story that goes on past the request needs it approved; when the rules asked a person
  // (a dear order, say), the demo's staff member says yes first, as one would.
  const first = await requireReturn(db, returnNo);
  if (first.status === 'needs_review' && steps.length > 0 && steps[0] !== 'reject' && steps[0] !== 'cancel') {
    await reviewReturn(db, returnNo, { decision: 'approve', note: '已核实，同意退货' }, staff, ctx.advance(4));
  }
  for (const step of steps) {
    const ret = await requireReturn(db, returnNo);
    if (step === 'reject') {
      await reviewReturn(db, returnNo, { decision: 'reject', note: '商品已使用且吊牌已剪，不符合七天无理由退货条件' }, staff, ctx.advance(5));
    } else if (step === 'cancel') {
      await cancelReturn(db, ret, ctx.advance(3));
    } else if (step === 'pickup_failed' || step === 'picked_up' || step === 'delivered_back') {
      const at = ctx.advance(step === 'picked_up' ? 18 : step === 'delivered_back' ? 6 : 16);
      // The courier comes in the customer's slot: a pickup is not collected before its day.
      const visit = step !== 'delivered_back' && ret.pickupSlot ? ctx.reach(ret.pickupSlot.start + HOUR / 2) : at;
      await courierReport(db, ret.returnShipmentId!, step, visit, ctx);
    } else if (step === 'receive' || step === 'receive_nothing') {
      const items = await db.selectFrom('return_items').select(['order_item_id', 'quantity']).where('return_id', '=', ret.id).execute();
      const nothing = step === 'receive_nothing';
      await receiveReturn(
        db,
        returnNo,
        {
          items: items.map((i) => ({ orderItemId: i.order_item_id, acceptedQuantity: nothing ? 0 : i.quantity, damagedQuantity: nothing ? i.quantity : 0 })),
          note: nothing ? '退回商品有明显使用痕迹和污渍，无法二次销售' : '',
          // Nothing records a drop-off point's hand-in: the desk receives such a parcel on its word.
          ...(ret.method === 'dropoff' ? { override: { reason: '驿站转交的包裹已到仓，核对退货码无误' } } : {}),
        },
        staff,
        ctx.advance(30),
      );
    } else {
      await refundReturn(db, ctx.payments, returnNo, staff, ctx.advance(2));
    }
  }
}

const REPORT_KIND = { picked_up: 'picked_up', pickup_failed: 'failed_attempt', delivered_back: 'delivered' } as const;

async function courierReport(
  db: Kysely<Database>,
  shipmentId: number,
  step: 'pickup_failed' | 'picked_up' | 'delivered_back',
  at: number,
  options: { uploadDir: string; timeZone: string },
): Promise<void> {
  const leg = await db.selectFrom('shipments').select(['tracking_no', 'version', 'courier_id']).where('id', '=', shipmentId).executeTakeFirstOrThrow();
  if (leg.courier_id === null) return;
  // Delivered back to the shop with the proof a delivery needs: who took it, and a photo.
  const proof =
    step === 'delivered_back'
      ? { recipientName: '退货仓', photoIds: [(await storeUpload(db, { clientKey: randomUUID(), owner: { courierId: leg.courier_id }, bytes: demoEvidencePng(7), uploadDir: options.uploadDir }, at)).id] }
      : {};
  await syncCourierReports(
    db,
    { id: leg.courier_id },
    {
      sentAt: at,
      reports: [
        {
          id: randomUUID(),
          deviceId: '00000000-0000-4000-8000-00000000de70',
          seq: 1,
          trackingNo: leg.tracking_no,
          kind: REPORT_KIND[step],
          occurredAt: at,
          shipmentVersion: leg.version,
          ...(step === 'pickup_failed' ? { reasonCode: 'recipient_unavailable' } : {}),
          ...proof,
        },
      ],
    },
    at,
    options.timeZone,
  );
}

async function storeEvidence(db: Kysely<Database>, orderId: number, variant: number, uploadDir: string, at: number): Promise<string> {
  const { id } = await storeUpload(db, { clientKey: randomUUID(), owner: { orderId }, bytes: demoEvidencePng(variant), uploadDir }, at);
  return id;
}

/** Claims: one open for a lost parcel and one for "delivered but not received", one refunded, one re-sent. */
async function seedDemoClaims(
  db: Kysely<Database>,
  used: Set<string>,
  options: DemoReturnsOptions,
  now: () => number,
  setNow: (at: number) => void,
): Promise<number> {
  const { createClaim } = await import('../domain/claims/claim-service');
  const { decideClaim } = await import('../domain/claims/claim-decision');
  const { loadReturnPolicy } = await import('../domain/settings/return-policy-repository');
  const policy = await loadReturnPolicy(db);
  const staff = await db.selectFrom('staff').select('id').orderBy('id').executeTakeFirstOrThrow();
  const lost = await db
    .selectFrom('shipments as s')
    .select('s.tracking_no')
    .where('s.status', '=', 'Exception')
    .where('s.leg', '=', 'delivery')
    .where((eb) =>
      eb(
        eb.selectFrom('tracking_events as e').select('e.reason_code').whereRef('e.shipment_id', '=', 's.id').orderBy('e.occurred_at', 'desc').orderBy('e.id', 'desc').limit(1),
        '=',
        'lost',
      ),
    )
    .orderBy('s.id')
    .limit(2)
    .execute();
  const recent = await db
    .selectFrom('shipments')
    .select('tracking_no')
    .where('status', '=', 'Delivered')
    .where('leg', '=', 'delivery')
    .where('delivered_at', '>=', options.now - 5 * 24 * HOUR)
    .orderBy('id', 'desc')
    .execute();
  const notReceived = recent.filter((r) => !used.has(r.tracking_no)).slice(0, 2);
  const plans: { trackingNo: string; kind: 'lost' | 'not_received'; note: string; decide?: 'refund' | 'resend' }[] = [
    ...lost.map((l, i) => ({ trackingNo: l.tracking_no, kind: 'lost' as const, note: '物流一直停在转运中心，客服说包裹丢了', decide: i === 1 ? ('refund' as const) : undefined })),
    ...notReceived.map((r, i) => ({ trackingNo: r.tracking_no, kind: 'not_received' as const, note: '显示已签收，但我没有收到，门口和快递柜都没有', decide: i === 1 ? ('resend' as const) : undefined })),
  ];
  let made = 0;
  for (const plan of plans) {
    setNow(options.now - (12 - made * 2) * HOUR);
    const shipment = (await findShipmentByTrackingNo(db, plan.trackingNo))!;
    const claim = await createClaim(db, shipment, { kind: plan.kind, note: plan.note }, { now: now(), timeZone: options.timeZone, policy }).catch(() => null);
    if (!claim) continue;
    made++;
    if (plan.decide) {
      const payments = simulatedPaymentProvider(db, now);
      await decideClaim(db, payments, claim.claimNo, { decision: plan.decide, note: plan.decide === 'resend' ? '已联系客户核实，安排补发' : '' }, staff, now() + 3 * HOUR);
    }
  }
  return made;
}

/** Numbers a person can read out, the same on every run: RT/CL + the demo day + a serial. */
async function renumber(db: Kysely<Database>, now: number): Promise<void> {
  const day = new Date(now).toISOString().slice(2, 10).replace(/-/g, '');
  const returns = await db.selectFrom('return_requests').select(['id', 'dropoff_code']).orderBy('id').execute();
  for (const r of returns) {
    const code = r.dropoff_code === null ? null : dropoffCodeFor(r.id);
    await db.updateTable('return_requests').set({ return_no: `RT${day}${String(r.id).padStart(6, '0')}`, dropoff_code: code }).where('id', '=', r.id).execute();
  }
  const claims = await db.selectFrom('parcel_claims').select('id').orderBy('id').execute();
  for (const c of claims) await db.updateTable('parcel_claims').set({ claim_no: `CL${day}${String(c.id).padStart(6, '0')}` }).where('id', '=', c.id).execute();
}

function dropoffCodeFor(id: number): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  return [...createHash('sha256').update(`dropoff:${id}`).digest()].slice(0, 8).map((b) => alphabet[b % alphabet.length]).join('');
}

async function count(db: Kysely<Database>, table: 'return_requests'): Promise<number> {
  return Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
}
