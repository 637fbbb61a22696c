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
    });
  });

  it.each([
    [{ DEMO: 'off' }, { demo: false }],
    [{ DEMO: 'OFF' }, { demo: false }],
    [{ DEMO: ' Yes ' }, { demo: true }],
    [{ DEMO: '0' }, { demo: false }],
    [{ PORT: '0' }, { port: 0 }],
    [{ PORT: '3000' }, { port: 3000 }],
    [{ DATABASE_URL: 'postgres://u@db:5432/doorstep' }, { databaseUrl: 'postgres://u@db:5432/doorstep' }],
    [{ DATABASE_URL: 'sqlite::memory:' }, { databaseUrl: 'sqlite::memory:' }],
    [{ SHOP_TIMEZONE: 'Asia/Hong_Kong' }, { shopTimeZone: 'Asia/Hong_Kong' }],
    [{ PORT: '' }, { port: 8080 }],
  ])('reads %j', (env, expected) => {
    expect(readConfig(env)).toMatchObject(expected);
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '99999' }, 'PORT'],
    [{ PORT: '80.5' }, 'PORT'],
    [{ DEMO: 'maybe' }, 'DEMO'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ SHOP_TIMEZONE: 'Mars/Base' }, 'SHOP_TIMEZONE'],
  ])('stops on %j with a message naming %s', (env, name) => {
    expect(() => readConfig(env)).toThrow(ConfigError);
    expect(() => readConfig(env)).toThrow(new RegExp(name));
  });
});
