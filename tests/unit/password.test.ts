import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../../server/domain/auth/password';

// scrypt at N=2^17 is slow by design; on a busy two-core machine a test can take seconds.
describe('password hashing', { timeout: 20_000 }, () => {
  it('verifies the right password and refuses a wrong one', async () => {
    const stored = await hashPassword('courier123');
    expect(stored).toMatch(/^scrypt\$17\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(await verifyPassword('courier123', stored)).toBe(true);
    expect(await verifyPassword('courier124', stored)).toBe(false);
    expect(await verifyPassword('', stored)).toBe(false);
  });

  it('salts: two hashes of one password differ', async () => {
    const [a, b] = await Promise.all([hashPassword('ops12345'), hashPassword('ops12345')]);
    expect(a).not.toBe(b);
  });

  it('answers false, not an exception, for a malformed stored hash', async () => {
    const good = await hashPassword('ops12345');
    const parts = good.split('$');
    const malformed = [
      '',
      'not a hash',
      'bcrypt$17$8$1$abc$def',
      'scrypt$17$8$1$',
      parts.slice(0, 5).join('$'),
      ['scrypt', '99', ...parts.slice(2)].join('$'),
      ['scrypt', 'x', ...parts.slice(2)].join('$'),
      [...parts.slice(0, 5), 'AAAA'].join('$'),
      [...parts, 'extra'].join('$'),
    ];
    for (const stored of malformed) expect(await verifyPassword('ops12345', stored), stored).toBe(false);
  });
});
