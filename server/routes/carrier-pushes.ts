import { parseJsonText } from '../http/json-text';
import { Hono } from 'hono';
import { z } from 'zod';
import { carrierEventResultSchema, carrierPushSchema, MAX_CARRIER_EVENTS_PER_PUSH } from '../../shared/api/carriers';
import type { AppDeps } from '../app-deps';
import { badRequest, unauthorized } from '../app-error';
import { described } from '../http/api-description';
import { findCarrierByCode, type Carrier } from '../domain/carriers/carrier-repository';
import { receiveCarrierEvents } from '../domain/carriers/carrier-event-service';
import { checkCarrierPushSignature, checkKuaidi100Sign } from '../domain/carriers/push-signature';
import { kuaidi100Events, kuaidi100ParamSchema } from '../domain/carriers/kuaidi100-push';

/**
 * Carriers push their events here. An unknown or deactivated carrier gets the same 401 as a
 * bad signature, so the endpoint does not tell a stranger which carriers the shop uses.
 */
export function carrierPushRoutes({ db, clock, bus }: AppDeps) {
  const activeCarrier = async (code: string): Promise<Carrier | null> => {
    const carrier = code.length <= 32 ? await findCarrierByCode(db, code) : null;
    return carrier?.active ? carrier : null;
  };

  return new Hono()
    .post(
      '/kuaidi100/:carrierCode',
      described({
        tag: 'Carriers',
        summary: 'Kuaidi100-style push subscription callback (called by the aggregator)',
        description: 'Form fields `param` (the push JSON) and `sign` = upper-case hex MD5 of `param + salt` (the carrier\'s kuaidi100Salt). Each `data` item is one event; its id is a hash of (nu, time, context), so a re-push of the same history is applied once. Times are China time (UTC+8). Answered in the aggregator\'s form: `{"result":true,"returnCode":"200","message":"成功"}`; on failure `result: false` with returnCode 400 (bad param) or 401 (bad sign, unknown carrier).',
        ok: { 200: [kuaidi100AnswerSchema, 'Received'] },
        errors: { 400: 'returnCode 400: bad param', 401: 'returnCode 401: bad sign or unknown carrier' },
      }),
      async (c) => {
        const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
        const param = typeof form.param === 'string' ? form.param : '';
        const sign = typeof form.sign === 'string' ? form.sign : undefined;
        const carrier = await activeCarrier(c.req.param('carrierCode'));
        if (!carrier?.kuaidi100Salt || checkKuaidi100Sign(sign, param, carrier.kuaidi100Salt) !== 'ok') {
          return c.json({ result: false, returnCode: '401', message: '签名错误 (bad sign)' }, 401);
        }
        const json = parseJsonText(param);
        if (!json.ok) return c.json({ result: false, returnCode: '400', message: 'param 不是 JSON (param is not JSON)' }, 400);
        const parsed = kuaidi100ParamSchema.safeParse(json.value);
        if (!parsed.success) return c.json({ result: false, returnCode: '400', message: `param 格式错误: ${parsed.error.issues[0]?.path.join('.') ?? ''}` }, 400);
        const outcome = await receiveCarrierEvents(db, carrier, kuaidi100Events(parsed.data), clock());
        for (const trackingNo of outcome.changedTrackingNos) bus.publish(trackingNo);
        return c.json({ result: true, returnCode: '200', message: '成功' });
      },
    )
    .post(
      '/:carrierCode/events',
      described({
        tag: 'Carriers',
        summary: 'A carrier pushes tracking events (called by the carrier)',
        description: `Header \`X-Doorstep-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">\` with the carrier's secret; more than 5 minutes old or ahead: 401. Up to ${MAX_CARRIER_EVENTS_PER_PUSH} events; \`occurredAt\` is an ISO-8601 time with a zone (\`2026-12-05T10:12:00+08:00\`) or epoch milliseconds. Each event is applied once per (carrier, eventId). One result per event, in order: applied (status moved), duplicate (seen before), recorded_late (older than the parcel's latest event: in the log and timeline, status kept), recorded (the state machine refused the move, e.g. after delivery: in the log, status kept; code says why), rejected (code: unknown_tracking_number, not_with_this_carrier, bad_status, unknown_sub_status, sub_status_mismatch, bad_time, invalid_event). A parcel is with a carrier once handed over to it.`,
        body: carrierPushSchema,
        ok: { 200: [z.object({ results: z.array(carrierEventResultSchema) }), 'One result per event'] },
        errors: { 400: 'invalid_json, invalid_request', 401: 'bad_signature (also for an unknown or inactive carrier)' },
      }),
      async (c) => {
        const body = await c.req.text();
        const carrier = await activeCarrier(c.req.param('carrierCode'));
        const check = carrier ? checkCarrierPushSignature(c.req.header('x-doorstep-signature'), body, carrier.secret, clock()) : 'mismatch';
        if (!carrier || check !== 'ok') throw unauthorized('bad_signature', `The push's signature is ${check}`);
        // Parsed from the text already read (Hono keeps it), so what is applied is what was signed.
        const json: unknown = await c.req.json().catch(() => {
          throw badRequest('invalid_json', 'The body is not JSON');
        });
        const parsed = carrierPushSchema.safeParse(json);
        if (!parsed.success) {
          const issue = parsed.error.issues[0];
          throw badRequest('invalid_request', `${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid push'}`);
        }
        const outcome = await receiveCarrierEvents(db, carrier, parsed.data.events, clock());
        for (const trackingNo of outcome.changedTrackingNos) bus.publish(trackingNo);
        return c.json({ results: outcome.results });
      },
    );
}

const kuaidi100AnswerSchema = z.object({ result: z.boolean(), returnCode: z.string(), message: z.string() });
