import { createHash } from 'node:crypto';
import { z } from 'zod';
import { mapKuaidi100Item, parseKuaidi100Time } from '../../../shared/carriers/kuaidi100-status';

/** Kuaidi100's push `param` (the parts we read; the aggregator sends more). */
export const kuaidi100ParamSchema = z.object({
  status: z.string().optional(),
  billstatus: z.string().optional(),
  message: z.string().optional(),
  lastResult: z.object({
    nu: z.string().min(1).max(40),
    com: z.string().optional(),
    state: z.union([z.string(), z.number()]).optional(),
    ischeck: z.union([z.string(), z.number()]).optional(),
    data: z
      .array(
        z.object({
          context: z.string().max(500),
          time: z.string(),
          ftime: z.string().optional(),
          areaName: z.string().optional(),
          status: z.string().optional(),
          statusCode: z.union([z.string(), z.number()]).optional(),
          areaCode: z.string().optional(),
        }),
      )
      .max(500),
  }),
});
export type Kuaidi100Param = z.infer<typeof kuaidi100ParamSchema>;

/** A history item's id: the aggregator has none, so the same (parcel, time, text) is the same event on a re-push. */
export function kuaidi100EventId(trackingNo: string, time: string, context: string): string {
  return `k100-${createHash('sha256').update(`${trackingNo}\u0000${time}\u0000${context}`).digest('hex').slice(0, 40)}`;
}

/**
 * The push's history as generic carrier events (unknown objects for parseCarrierEvent, so a
 * bad item is rejected on its own). `data` is newest first; the push's overall state names
 * only the newest item. `areaName` is "广东,深圳市" or "广东深圳市": split on the comma when there is one.
 */
export function kuaidi100Events(param: Kuaidi100Param): Record<string, unknown>[] {
  const { nu, state, data } = param.lastResult;
  return data.map((item, i) => {
    const mapped = mapKuaidi100Item({ status: item.status ?? null, statusCode: item.statusCode === undefined ? null : String(item.statusCode) }, state === undefined ? null : String(state), i === 0);
    const at = parseKuaidi100Time(item.ftime ?? item.time) ?? parseKuaidi100Time(item.time);
    const [province, city] = (item.areaName ?? '').split(/[,，]/);
    return {
      eventId: kuaidi100EventId(nu, item.time, item.context),
      trackingNo: nu,
      status: mapped?.status ?? 'unmapped',
      subStatus: mapped?.subStatus,
      occurredAt: at ?? 'bad time',
      ...(item.areaName ? { place: { province: province?.slice(0, 40) ?? null, city: city?.slice(0, 40) ?? null } } : {}),
      description: item.context,
    };
  });
}
