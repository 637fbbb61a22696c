import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FeedbackModelStatus, RetrainResult } from '../../shared/api/feedback-model';
import { currentFeedbackModel, syncRetrainedModel, useFeedbackModel } from '../../server/domain/feedback/feedback-model-holder';
import { classifyWithModel } from '../../server/domain/feedback/combined-classification';
import { createCourier } from '../support/accounts';
import { signIn } from '../support/courier-fixtures';
import { staffCookie } from '../support/return-fixtures';
import { createTestApp } from '../support/test-app';

let t: Awaited<ReturnType<typeof createTestApp>>;
let staff: string;
beforeAll(async () => {
  t = await createTestApp();
  staff = await staffCookie(t);
});
afterAll(() => t.dispose());

const status = async (): Promise<FeedbackModelStatus> => (await t.app.request('/api/ops/feedback-model', { headers: { cookie: staff } })).json();

describe('who may see and retrain the feedback model', () => {
  it.each([
    ['GET', '/api/ops/feedback-model'],
    ['POST', '/api/ops/feedback-model/retrain'],
  ])('%s %s: anonymous 401, a courier 403', async (method, path) => {
    expect((await t.app.request(path, { method })).status).toBe(401);
    const courier = await createCourier(t.db);
    const cookie = await signIn(t, courier.phone);
    const res = await t.app.request(path, { method, headers: { cookie } });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('wrong_role');
  });
});

describe('the model staff see and retrain', () => {
  it('shows the shipped model and how it scores on the held-out set', async () => {
    const s = await status();
    expect(s.problem).toBeNull();
    expect(s.inUse!.source).toBe('shipped');
    expect(s.inUse!.heldOut.macroF1).toBeGreaterThanOrEqual(0.85);
    expect(s.inUse!.examples).toBeGreaterThan(3_000);
    expect(s.correctionsAvailable).toBe(0);
  });

  it('retrains off the event loop, one at a time, adopts a model no worse on the held-out set, and keeps it for every instance', async () => {
    const first = t.app.request('/api/ops/feedback-model/retrain', { method: 'POST', headers: { cookie: staff } });
    // While the worker trains, the server answers — and refuses a second retrain.
    const second = await t.app.request('/api/ops/feedback-model/retrain', { method: 'POST', headers: { cookie: staff } });
    expect(second.status).toBe(409);
    expect(((await second.json()) as { error: { code: string } }).error.code).toBe('retrain_running');
    expect((await status()).retraining).toBe(true);

    const res = await first;
    expect(res.status).toBe(200);
    const result = (await res.json()) as RetrainResult;
    // The same data trains the same model: no worse, so adopted.
    expect(result.adopted).toBe(true);
    expect(result.candidate.heldOut.macroF1).toBeGreaterThanOrEqual(result.previous!.macroF1);
    expect((await status()).inUse!.source).toBe('retrained');
    const rows = await t.db.selectFrom('feedback_models').select(['id', 'held_out_macro_f1']).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.held_out_macro_f1).toBeCloseTo(result.candidate.heldOut.macroF1);

    // Another instance (or this one after a restart) takes it up from the database.
    const inUse = currentFeedbackModel();
    useFeedbackModel(null);
    expect(classifyWithModel({ comment: '快递员把包裹扔在门口就走了', csat: 1 }, currentFeedbackModel()).some((c) => c.evidence.some((e) => e.kind === 'model'))).toBe(false);
    await syncRetrainedModel(t.db, (m) => {
      throw new Error(m);
    });
    expect(currentFeedbackModel()!.file.trainedAt).toBe(inUse!.file.trainedAt);
    expect((await status()).inUse!.source).toBe('retrained');
  }, 120_000);
});
