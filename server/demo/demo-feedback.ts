import type { Kysely } from 'kysely';
import type { FollowUpOutcome } from '../../shared/api/feedback';
import type { QuickTag } from '../../shared/feedback/quick-tags';
import type { Database } from '../db/schema';
import { createFeedback } from '../domain/feedback/feedback-service';
import { openOverdueExceptionFollowUps, recordFollowUpOutcome } from '../domain/feedback/follow-up-service';
import { findShipmentByTrackingNo } from '../domain/tracking/shipment-repository';

/**
 * Feedback for the demo: mostly happy customers, some unhappy ones, in Chinese and English, so
 * that every category of the taxonomy shows up in the console. Given through the real service
 * (classified and followed up as a customer's would be), each at its own time in the past; some
 * call-backs are already done, with what the shop told the customer, some are overdue.
 */

const HOUR = 3_600_000;

interface FeedbackStory {
  csat: number;
  nps: number | null;
  tags: QuickTag[];
  comment: string;
  /** How long before the demo's "now" it was given. */
  ageHours: number;
  /** For negative feedback: the call-back's outcome, recorded this many hours after the feedback. */
  callBack?: { outcome: FollowUpOutcome; note: string; customerNote: string; afterHours: number };
}

const story = (csat: number, nps: number | null, tags: QuickTag[], comment: string, ageHours: number, callBack?: FeedbackStory['callBack']): FeedbackStory => ({
  csat,
  nps,
  tags,
  comment,
  ageHours,
  callBack,
});

const STORIES: FeedbackStory[] = [
  story(5, 10, ['fast_delivery'], '第二天就到了，快递小哥很热情，点赞！', 30),
  story(5, 9, ['friendly_courier'], 'The courier called ahead and carried it up to the 6th floor. Lovely service.', 50),
  story(5, 10, ['well_packed'], '包装很严实，没有任何破损，好评', 70),
  story(4, 8, [], 'Arrived on time, no complaints.', 20),
  story(5, 10, [], '', 90),
  story(5, 9, ['fast_delivery', 'well_packed'], 'Super fast! 包装也很好', 10),
  story(4, 7, [], '挺好的，比预计还早到', 110),
  story(5, 10, [], '一点都不慢，东西完好无损，下次还买', 130),
  story(4, 8, ['friendly_courier'], 'Nice courier, not a scratch on the box.', 150),
  story(5, 9, [], '服务很专业，谢谢', 6),
  story(5, 10, ['fast_delivery'], '', 14),
  story(5, 9, [], 'Quick and easy, thanks!', 22),
  story(4, 8, [], '不错，物流挺快', 26),
  story(5, 10, ['friendly_courier', 'fast_delivery'], '快递员冒雨送货，太感动了', 36),
  story(4, 9, [], 'Good value, arrived in perfect condition.', 46),
  story(5, 10, [], '回购很多次了，一如既往的好', 56),
  story(5, 9, ['well_packed'], 'Really well packed, lots of padding.', 66),
  story(4, 8, [], '满意', 76),
  story(5, 10, [], '超级喜欢，已经推荐给朋友了', 86),
  story(5, 9, [], 'Fantastic service from start to finish.', 96),
  story(4, 7, ['fast_delivery'], '速度很快', 106),
  story(5, 10, [], '', 116),
  story(5, 9, [], '小哥态度很好，还帮忙搬进屋，辛苦了', 126),
  story(4, 8, [], 'Came a day early. Happy.', 136),
  story(4, 7, [], '还可以吧，速度挺快的', 40),
  story(5, 10, [], 'Exactly as described and delivered early. Thank you!', 60),
  story(4, 6, [], '东西不错，就是包装有点简陋', 80),
  story(3, 7, [], 'Product is fine, but the tracking was stuck at the hub for three days.', 100),
  story(3, 5, ['arrived_late'], '比承诺的时间晚了两天，其他还行', 20, { outcome: 'resolved', note: '已致歉，解释了转运中心积压', customerNote: '抱歉让您久等了，我们已要求快递公司改进转运时效。', afterHours: 5 }),
  story(1, 0, ['damaged'], '外箱压扁了，里面的杯子碎了两个', 70, { outcome: 'resend_offered', note: 'Customer accepted a replacement', customerNote: '非常抱歉，新的杯子已经为您补发，预计两天内送达。', afterHours: 20 }),
  story(2, 3, ['rude_courier'], 'The courier was rude and threw the parcel over the gate.', 30),
  story(1, 1, [], '显示已签收，但是我根本没收到，快递员电话也打不通', 5),
  story(2, 4, ['left_wrong_place'], '没经过我同意就放驿站了，我腿脚不方便', 28),
  story(2, 2, [], 'Courier said nobody was home, I was in all day. Had to wait another day.', 50, { outcome: 'no_answer', note: 'Rang twice, no answer; SMS sent', customerNote: '', afterHours: 26 }),
  story(1, 0, ['wrong_or_missing'], '发错货了，我买的是黑色，来的是白色', 12),
  story(2, 3, ['wrong_or_missing'], 'Only received one of the two bottles. The second is missing.', 60, { outcome: 'refund_offered', note: 'Refunded the missing bottle', customerNote: 'Sorry for the missing bottle: we have refunded it to your original payment method.', afterHours: 8 }),
  story(2, 4, [], '用了两天就坏了，质量太差', 34),
  story(2, 5, [], 'Looks nothing like the pictures, the colour is completely different.', 3),
  story(1, 0, [], '申请退款一周了还没到账，客服也不回', 44),
  story(3, 6, [], '物流信息好几天不更新，还以为丢了', 8),
  story(2, 3, ['arrived_late', 'damaged'], 'Took 9 days and the box came crushed.', 80, { outcome: 'other', note: 'Customer wanted to complain to the carrier; escalated', customerNote: 'We have raised this with the carrier and will let you know what they say.', afterHours: 30 }),
  story(3, 6, [], '包装就一个塑料袋，书角都压坏了', 16),
  story(2, 4, [], '发票没开，问了也没人理', 23),
];

export async function seedDemoFeedback(db: Kysely<Database>, options: { now: number }): Promise<{ feedback: number; followUps: number }> {
  const staff = await db.selectFrom('staff').select('id').orderBy('id').executeTakeFirst();
  const delivered = await db
    .selectFrom('shipments')
    .select(['tracking_no', 'delivered_at'])
    .where('status', '=', 'Delivered')
    .where('leg', '=', 'delivery')
    .where('delivered_at', 'is not', null)
    .orderBy('id')
    .execute();
  // The first delivered parcel is the one the demo page offers: keep it free for a visitor to rate.
  const candidates = delivered.slice(1);
  let given = 0;
  for (const [index, s] of STORIES.entries()) {
    // Spread over the parcels; a parcel must have been delivered before it is rated.
    const at = options.now - s.ageHours * HOUR;
    const pick = candidates.find((c, i) => i % STORIES.length === index % STORIES.length && Number(c.delivered_at) < at - HOUR) ?? candidates.find((c) => Number(c.delivered_at) < at - HOUR);
    if (!pick) continue;
    candidates.splice(candidates.indexOf(pick), 1);
    const shipment = (await findShipmentByTrackingNo(db, pick.tracking_no))!;
    await createFeedback(db, shipment, { csat: s.csat, nps: s.nps, tags: s.tags, comment: s.comment, photoId: null }, at);
    given++;
    if (s.callBack && staff) {
      const followUp = await db.selectFrom('follow_ups').select('id').where('shipment_id', '=', shipment.id).where('status', '=', 'open').executeTakeFirst();
      if (followUp) {
        const { outcome, note, customerNote } = s.callBack;
        await recordFollowUpOutcome(db, followUp.id, { outcome, outcomeNote: note, customerNote }, staff.id, Math.min(options.now, at + s.callBack.afterHours * HOUR));
      }
    }
  }
  // Parcels stuck in Exception for days get their call-backs as the console would open them.
  await openOverdueExceptionFollowUps(db, options.now);
  const followUps = await db.selectFrom('follow_ups').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return { feedback: given, followUps: Number(followUps.n) };
}
