import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../support/test-app';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.dispose());

interface OpenApiDoc {
  openapi: string;
  servers: { url: string }[];
  paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: { required?: string[] } }> }; responses: Record<string, unknown>; parameters?: { in: string; name: string; required?: boolean }[] }>>;
}

describe('the shop API reference', () => {
  it('is an OpenAPI 3.1 document made from the routes, with every contract endpoint and its schemas', async () => {
    const res = await t.app.request('/api/openapi.json');
    expect(res.status).toBe(200);
    const doc = (await res.json()) as OpenApiDoc;
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.servers).toEqual([{ url: '/api' }]);
    const contract: [string, string][] = [
      ['/shop/warehouses/{code}', 'put'],
      ['/shop/products/{sku}', 'put'],
      ['/shop/stock/receipts', 'post'],
      ['/shop/stock/{sku}', 'get'],
      ['/shop/orders', 'post'],
      ['/shop/orders/{orderNo}', 'get'],
      ['/shop/orders/{orderNo}/payments', 'post'],
      ['/shop/orders/{orderNo}/cancel', 'post'],
      ['/payments/notify', 'post'],
    ];
    for (const [path, method] of contract) expect(doc.paths[path]?.[method], `${method} ${path}`).toBeDefined();
    const placeOrder = doc.paths['/shop/orders']!.post!;
    expect(placeOrder.requestBody!.content['application/json']!.schema.required).toEqual(expect.arrayContaining(['customer', 'lines']));
    expect(Object.keys(placeOrder.responses)).toEqual(expect.arrayContaining(['201', '409', '422']));
    expect(placeOrder.parameters).toContainEqual(expect.objectContaining({ in: 'header', name: 'Idempotency-Key', required: true }));
    // The faces' own endpoints are not part of the public contract.
    expect(Object.keys(doc.paths).filter((p) => !p.startsWith('/shop/') && !p.startsWith('/payments/') && !p.startsWith('/carriers/'))).toEqual([]);
  });

  it('has a readable page served from this server alone, under a CSP that names only it', async () => {
    const page = await t.app.request('/api/docs');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await page.text();
    expect(html).toContain('/api/docs/assets/swagger-ui-bundle.js');
    expect(html).not.toMatch(/https?:\/\//);
    const bundle = await t.app.request('/api/docs/assets/swagger-ui-bundle.js');
    expect(bundle.status).toBe(200);
    expect(bundle.headers.get('content-type')).toContain('javascript');
    expect((await t.app.request('/api/docs/start.js')).status).toBe(200);
    expect((await t.app.request('/api/docs/assets/..%2F..%2Fpackage.json')).status).toBe(404);
    expect((await t.app.request('/api/docs/assets/index.html')).status).toBe(404);
  });
});
