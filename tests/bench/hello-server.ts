// The baselines: bare Hono on @hono/node-server, nothing else. `/` answers a tiny JSON
// hello-world; `/same-body` answers a fixed copy of a real tracking view, to show how much of
// the gap is only the size of the answer.
import { readFileSync } from 'node:fs';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

const sameBody = process.env.BODY_FILE ? readFileSync(process.env.BODY_FILE, 'utf8') : '{}';
const app = new Hono()
  .get('/', (c) => c.json({ hello: 'world' }))
  .get('/same-body', (c) => c.body(sameBody, 200, { 'Content-Type': 'application/json; charset=UTF-8' }));
serve({ fetch: app.fetch, port: Number(process.env.PORT), hostname: '127.0.0.1' }, (info) => {
  console.log(`listening ${info.port}`);
});
