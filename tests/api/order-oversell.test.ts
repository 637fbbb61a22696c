import { afterAll, beforeAll, describe, it } from 'vitest';
import { createTestApp } from '../support/test-app';
import { lastUnitsRush } from '../support/oversell-scenario';
import { seedShop, shopKey } from '../support/shop-fixtures';

let t: Awaited<ReturnType<typeof createTestApp>>;
let key: string;
beforeAll(async () => {
  t = await createTestApp();
  key = await shopKey(t);
  await seedShop(t, key);
});
afterAll(() => t.dispose());

describe('order intake on SQLite under a rush', () => {
  it('gives 200 buyers at once exactly the last 10 units, and the books agree', async () => {
    await lastUnitsRush([t], key, 200, 10);
  }, 60_000);
});
