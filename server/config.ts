import { z } from 'zod';

/**
 * The one place that reads process.env. Everything else receives a validated Config, so a
 * bad value stops the process at start with a message naming the variable.
 */
const booleanFlag = z
  .string()
  .transform((v) => v.trim().toLowerCase())
  .pipe(z.enum(['1', '0', 'true', 'false', 'on', 'off', 'yes', 'no']))
  .transform((v) => ['1', 'true', 'on', 'yes'].includes(v));

/** pino's levels, lowest volume first; `silent` writes nothing. */
const LOG_LEVELS = ['silent', 'fatal', 'error', 'warn', 'info', 'debug', 'trace'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .regex(/^(sqlite:.+|postgres(ql)?:\/\/.+)$/, 'must be sqlite:<path> or postgres://…')
    .default('sqlite:data/doorstep.db'),
  UPLOAD_DIR: z.string().min(1).default('data/uploads'),
  DEMO: booleanFlag.default(true),
  SHOP_TIMEZONE: z
    .string()
    .refine((tz) => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: tz });
        return true;
      } catch {
        return false;
      }
    }, 'must be an IANA time zone such as Asia/Shanghai')
    .default('Asia/Shanghai'),
  /** Take the client address from X-Forwarded-For (only behind a proxy you run). */
  TRUST_PROXY: booleanFlag.default(false),
  LOG_REQUESTS: booleanFlag.default(true),
  /** The lowest level written to the JSON log on stdout. */
  LOG_LEVEL: z
    .string()
    .transform((v) => v.trim().toLowerCase())
    .pipe(z.enum(LOG_LEVELS))
    .default('info'),
  /**
   * The bearer token Prometheus sends for `GET /metrics`; unset, /metrics answers 404 (route
   * names, error rates and queue sizes are not for the public).
   */
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  /** Live tracking streams one client address may hold open at once (a page holds one). */
  LIVE_STREAMS_PER_ADDRESS: z.coerce.number().int().min(1).max(100_000).default(20),
  /** Live tracking streams the whole server holds open at once. */
  LIVE_STREAMS_TOTAL: z.coerce.number().int().min(1).max(1_000_000).default(5000),
  /** On SIGTERM/SIGINT, how long requests already running may take before they are cut off. */
  SHUTDOWN_GRACE_SECONDS: z.coerce.number().min(0).max(600).default(5),
  /** `npm start` builds the client when dist/ is missing or stale; off serves dist/ as it is. */
  BUILD_CLIENT: booleanFlag.default(true),
  /** How long a new order may wait for payment before it is cancelled and its stock released. */
  PAYMENT_DEADLINE_MINUTES: z.coerce.number().int().min(1).max(10_080).default(30),
  /**
   * The secret the payment provider signs its notifications with; unset, the notification
   * endpoint refuses everything (an unsigned "paid" would let anyone mark orders paid).
   */
  PAYMENT_NOTIFY_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
  /** The address customers reach the app at (https://track.example.com), for links the shop API hands out. */
  /**
   * Lets webhooks go to private, loopback and link-local addresses (a receiver on this machine
   * or the office network). Off by default: an endpoint there would let anyone with staff
   * access make this server call into its own network (SSRF). Tests and local development on.
   */
  WEBHOOK_ALLOW_PRIVATE: booleanFlag.default(false),
  PUBLIC_URL: z.url().transform((u) => u.replace(/\/+$/, '')).optional(),
});

export interface Config {
  port: number;
  host: string;
  databaseUrl: string;
  uploadDir: string;
  demo: boolean;
  shopTimeZone: string;
  trustProxy: boolean;
  logRequests: boolean;
  logLevel: LogLevel;
  metricsToken: string | null;
  liveStreamsPerAddress: number;
  liveStreamsTotal: number;
  shutdownGraceMs: number;
  buildClient: boolean;
  paymentDeadlineMs: number;
  paymentNotifySecret: string | null;
  publicUrl: string;
  webhookAllowPrivate: boolean;
}

export class ConfigError extends Error {}

export function readConfig(env: Record<string, string | undefined> = process.env): Config {
  // Empty strings mean "unset" the way shells and .env files use them.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    uploadDir: e.UPLOAD_DIR,
    demo: e.DEMO,
    shopTimeZone: e.SHOP_TIMEZONE,
    trustProxy: e.TRUST_PROXY,
    logRequests: e.LOG_REQUESTS,
    logLevel: e.LOG_LEVEL,
    metricsToken: e.METRICS_TOKEN ?? null,
    liveStreamsPerAddress: e.LIVE_STREAMS_PER_ADDRESS,
    liveStreamsTotal: e.LIVE_STREAMS_TOTAL,
    shutdownGraceMs: Math.round(e.SHUTDOWN_GRACE_SECONDS * 1000),
    buildClient: e.BUILD_CLIENT,
    paymentDeadlineMs: e.PAYMENT_DEADLINE_MINUTES * 60_000,
    paymentNotifySecret: e.PAYMENT_NOTIFY_SECRET ?? null,
    publicUrl: e.PUBLIC_URL ?? '',
    webhookAllowPrivate: e.WEBHOOK_ALLOW_PRIVATE,
  };
}
