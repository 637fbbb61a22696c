import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from '../../server/config';

describe('readConfig', () => {
  it('has defaults for everything: npm start needs no settings', () => {
    expect(readConfig({})).toEqual({
      port: 8080,
      host: '0.0.0.0',
      databaseUrl: 'sqlite:data/doorstep.db',
      uploadDir: 'data/uploads',
      demo: true,
      shopTimeZone: 'Asia/Shanghai',
      trustProxy: false,
      logRequests: true,
      logLevel: 'info',
      metricsToken: null,
      liveStreamsPerAddress: 20,
      liveStreamsTotal: 5000,
      shutdownGraceMs: 5000,
      buildClient: true,
      paymentDeadlineMs: 30 * 60_000,
      paymentNotifySecret: null,
      publicUrl: '',
      webhookAllowPrivate: false,
    });
  });

  it.each([
    [{ DEMO: 'off' }, { demo: false }],
    [{ WEBHOOK_ALLOW_PRIVATE: 'on' }, { webhookAllowPrivate: true }],
    [{ DEMO: 'OFF' }, { demo: false }],
    [{ DEMO: ' Yes ' }, { demo: true }],
    [{ DEMO: '0' }, { demo: false }],
    [{ PORT: '0' }, { port: 0 }],
    [{ PAYMENT_DEADLINE_MINUTES: '15' }, { paymentDeadlineMs: 15 * 60_000 }],
    [{ PUBLIC_URL: 'https://track.example.com/' }, { publicUrl: 'https://track.example.com' }],
    [{ PAYMENT_NOTIFY_SECRET: 'a-secret-of-sixteen+' }, { paymentNotifySecret: 'a-secret-of-sixteen+' }],
    [{ PORT: '3000' }, { port: 3000 }],
    [{ DATABASE_URL: 'postgres://u@db:5432/doorstep' }, { databaseUrl: 'postgres://u@db:5432/doorstep' }],
    [{ DATABASE_URL: 'sqlite::memory:' }, { databaseUrl: 'sqlite::memory:' }],
    [{ SHOP_TIMEZONE: 'Asia/Hong_Kong' }, { shopTimeZone: 'Asia/Hong_Kong' }],
    [{ PORT: '' }, { port: 8080 }],
    [{ LIVE_STREAMS_PER_ADDRESS: '3', LIVE_STREAMS_TOTAL: '100' }, { liveStreamsPerAddress: 3, liveStreamsTotal: 100 }],
    [{ SHUTDOWN_GRACE_SECONDS: '0.5' }, { shutdownGraceMs: 500 }],
    [{ BUILD_CLIENT: 'off' }, { buildClient: false }],
    [{ LOG_LEVEL: 'Debug' }, { logLevel: 'debug' }],
    [{ METRICS_TOKEN: 'a-token-of-sixteen+' }, { metricsToken: 'a-token-of-sixteen+' }],
  ])('reads %j', (env, expected) => {
    expect(readConfig(env)).toMatchObject(expected);
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '99999' }, 'PORT'],
    [{ PORT: '80.5' }, 'PORT'],
    [{ PAYMENT_DEADLINE_MINUTES: '0' }, 'PAYMENT_DEADLINE_MINUTES'],
    [{ PAYMENT_NOTIFY_SECRET: 'short' }, 'PAYMENT_NOTIFY_SECRET'],
    [{ LOG_LEVEL: 'verbose' }, 'LOG_LEVEL'],
    [{ METRICS_TOKEN: 'short' }, 'METRICS_TOKEN'],
    [{ PUBLIC_URL: 'not a url' }, 'PUBLIC_URL'],
    [{ DEMO: 'maybe' }, 'DEMO'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ SHOP_TIMEZONE: 'Mars/Base' }, 'SHOP_TIMEZONE'],
    [{ LIVE_STREAMS_PER_ADDRESS: '0' }, 'LIVE_STREAMS_PER_ADDRESS'],
    [{ LIVE_STREAMS_PER_ADDRESS: 'many' }, 'LIVE_STREAMS_PER_ADDRESS'],
    [{ LIVE_STREAMS_TOTAL: '2.5' }, 'LIVE_STREAMS_TOTAL'],
    [{ SHUTDOWN_GRACE_SECONDS: '-1' }, 'SHUTDOWN_GRACE_SECONDS'],
  ])('stops on %j with a message naming %s', (env, name) => {
    expect(() => readConfig(env)).toThrow(ConfigError);
    expect(() => readConfig(env)).toThrow(new RegExp(name));
  });
});
