import { Hono } from 'hono';
import type { AppDeps } from './app-deps';
import { limitBody } from './http/body-limit';
import { closeWhenBodyUnread } from './http/unread-body';
import { checkOrigin } from './http/origin-check';
import { clientFiles } from './http/client-files';
import { errorJson, makeErrorHandler } from './http/error-handler';
import { requestId } from './http/request-id';
import { requestLog } from './http/request-log';
import { AppMetrics } from './http/metrics';
import { measureRequests } from './http/request-metrics';
import { answerTrackingReadsFirst } from './http/tracking-read-in-front';
import { securityHeaders } from './http/security-headers';
import { requireRole } from './http/session';
import { authRoutes } from './routes/auth';
import { courierRoutes } from './routes/courier';
import { uploadRoutes } from './routes/uploads';
import { MAX_UPLOAD_BYTES } from './domain/uploads/upload-service';
import { demoRoutes } from './routes/demo';
import { healthRoutes, readinessRoutes } from './routes/health';
import { metricsRoutes } from './routes/metrics';
import { trackRoutes } from './routes/track';
import { customerOrderRoutes } from './routes/orders';
import { claimRoutes, returnRoutes } from './routes/returns';
import { opsReturnRoutes } from './routes/ops-returns';
import { feedbackRoutes } from './routes/feedback';
import { opsFeedbackRoutes, opsFollowUpRoutes } from './routes/ops-feedback';
import { opsFeedbackModelRoutes } from './routes/ops-feedback-model';
import { opsAnalyticsRoutes } from './routes/ops-analytics';
import { opsDeskRoutes } from './routes/ops-desk';
import { opsOrderRoutes } from './routes/ops-orders';
import { opsInventoryRoutes } from './routes/ops-inventory';
import { opsReplenishmentRoutes } from './routes/ops-replenishment';
import { opsCsvRoutes } from './routes/ops-csv';
import { MAX_CSV_BYTES } from '../shared/api/ops-csv';
import { paymentNotificationRoutes } from './routes/payment-notifications';
import { apiDocsRoutes } from './routes/api-docs';
import { opsApiKeyRoutes } from './routes/ops-api-keys';
import { opsWebhookRoutes } from './routes/ops-webhooks';
import { shopRoutes } from './routes/shop';
import { warehouseRoutes } from './routes/warehouse';
import { carrierPushRoutes } from './routes/carrier-pushes';
import { opsCarrierRoutes } from './routes/ops-carriers';

/** JSON bodies are small; anything larger is refused before it is read into memory. */
export const MAX_JSON_BODY_BYTES = 64 * 1024;
const jsonLimit = limitBody(MAX_JSON_BODY_BYTES);
const photoLimit = limitBody(MAX_UPLOAD_BYTES);
const csvLimit = limitBody(MAX_CSV_BYTES);
/**
 * `POST /api/uploads` takes photos. Paths below it keep the photo limit too, so an app from
 * before server-made ids still gets its PUT answered 404 (kept and retried until it updates)
 * rather than 413 (which it would take as "this photo is refused").
 */
const isPhotoUpload = (path: string) => path === '/api/uploads' || path.startsWith('/api/uploads/');
/** Staff's CSV imports (catalog, stock counts): a file of up to 5000 lines, not a JSON body. */
const isCsvUpload = (path: string) => path.startsWith('/api/ops/') && path.endsWith('.csv');
/** A carrier's push carries up to 500 events (a parcel's whole history from the aggregator). */
const carrierPushLimit = limitBody(1024 * 1024);
const isCarrierPush = (path: string) => path.startsWith('/api/carriers/');
const bodyLimitFor = (path: string) =>
  isPhotoUpload(path) ? photoLimit : isCsvUpload(path) ? csvLimit : isCarrierPush(path) ? carrierPushLimit : jsonLimit;

function apiRoutes(deps: AppDeps) {
  return new Hono()
    .use(checkOrigin(deps.config.trustProxy))
    .use((c, next) => bodyLimitFor(c.req.path)(c, next))
    .route('/health', healthRoutes)
    .route('/ready', readinessRoutes(deps))
    .route('/auth', authRoutes(deps))
    .route('/courier', courierRoutes(deps))
    .route('/uploads', uploadRoutes(deps))
    .route('/demo', demoRoutes(deps))
    .route('/track', trackRoutes(deps))
    .route('/orders', customerOrderRoutes(deps))
    .route('/returns', returnRoutes(deps))
    .route('/claims', claimRoutes(deps))
    .route('/feedback', feedbackRoutes(deps))
    .route('/payments', paymentNotificationRoutes(deps))
    .route('/carriers', carrierPushRoutes(deps))
    .route('/ops', opsRoutes(deps))
    .route('/shop', shopRoutes(deps))
    .route('/warehouse', warehouseRoutes(deps));
}

/** Staff's face: one guard for every /api/ops path (known or not), the session looked up once. */
function opsRoutes(deps: AppDeps) {
  return new Hono()
    .use(requireRole(deps.db, deps.clock, 'staff'))
    .route('/', opsReturnRoutes(deps))
    .route('/follow-ups', opsFollowUpRoutes(deps))
    .route('/feedback', opsFeedbackRoutes(deps))
    .route('/feedback-model', opsFeedbackModelRoutes(deps))
    .route('/', opsAnalyticsRoutes(deps))
    .route('/', opsDeskRoutes(deps))
    .route('/', opsOrderRoutes(deps))
    .route('/', opsInventoryRoutes(deps))
    .route('/', opsReplenishmentRoutes(deps))
    .route('/', opsCsvRoutes(deps))
    .route('/api-keys', opsApiKeyRoutes(deps))
    .route('/carriers', opsCarrierRoutes(deps))
    .route('/webhooks', opsWebhookRoutes(deps));
}

export function createApp(given: AppDeps) {
  const deps = { ...given, metrics: given.metrics ?? new AppMetrics(given.logger) };
  const app = new Hono();
  app.use(measureRequests(deps.metrics));
  app.use(requestId);
  app.use(closeWhenBodyUnread);
  if (deps.config.logRequests) app.use(requestLog(deps.logger));
  app.use(securityHeaders);
  app.onError(makeErrorHandler(deps.logger));
  // Beside the API rather than in it: not a client's endpoint, and not behind its Origin check.
  app.route('/metrics', metricsRoutes(deps.metrics, deps.config.metricsToken));

  const api = apiRoutes(deps);
  // The reference reads the routes above it, so it is added last.
  api.route('/', apiDocsRoutes(api));
  app.route('/api', api);
  app.all('/api/*', (c) => errorJson(c, 404, 'not_found', `No API endpoint ${c.req.method} ${c.req.path}`));
  if (deps.clientDir) app.route('/', clientFiles(deps.clientDir, deps));
  app.notFound((c) => errorJson(c, 404, 'not_found', `Nothing at ${c.req.path}`));
  // In front of everything above, for the one read that is hot enough to need it.
  answerTrackingReadsFirst(app, deps);
  return app;
}

/** The API's type, for the client's `hc<ApiType>()`. */
export type ApiType = ReturnType<typeof apiRoutes>;
