// 7. A burst of distinct cold requests, all at once, each on its own connection: far more than the
// render slots and queue hold, so most must be refused. A refusal must come at once (503 +
// Retry-After in under 100 ms), not after a wait, and readiness must keep answering throughout: a
// probe every 100 ms on its own connection, each with a 5 s limit. Then the same number of requests
// at once for /health/live, the cheapest answer the server has: the floor that accepting and
// dispatching that many new connections sets, against which the refusals are read.
import http from 'node:http';
import { env, save, percentile } from '../lib/config.mjs';
import { gated } from '../lib/gate.mjs';
import { get, summarize } from '../lib/http.mjs';
import { thumbPath } from '../lib/sign.mjs';
import { cacheBuster } from './common.mjs';

const N = env.quick ? 200 : 500;
const PROBE_EVERY_MS = 100;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
// The largest photo: each render holds a slot long enough that the queue really overflows.
const photo = env.photos[0];
const cb = cacheBuster('burst');

async function burst() {
  const connections = new http.Agent({ keepAlive: false, maxSockets: Infinity });
  const probes = [];
  let running = true;
  const prober = (async () => {
    while (running) {
      const probe = new http.Agent({ keepAlive: false });
      probes.push(await get(env.thumbler, '/health/ready', { agent: probe, timeoutMs: 5_000 }));
      probe.destroy();
      await sleep(PROBE_EVERY_MS);
    }
  })();
  const started = Date.now();
  const results = await Promise.all(Array.from({ length: N }, () =>
    get(env.thumbler, thumbPath({ key: env.key, salt: env.salt, file: photo, cb: cb() }), { agent: connections, timeoutMs: 120_000 })));
  const wallMs = Date.now() - started;
  running = false;
  await prober;
  connections.destroy();
  const stats = (rs) => ({ n: rs.length, p50: percentile(rs.map((r) => r.ms), 50), p95: percentile(rs.map((r) => r.ms), 95),
    max: rs.length ? Math.max(...rs.map((r) => r.ms)) : NaN });
  const refused = results.filter((r) => r.status === 503);
  return {
    wallMs, statuses: summarize(results),
    rendered: stats(results.filter((r) => r.status === 200)),
    refused: stats(refused),
    refusedWithRetryAfter: refused.filter((r) => r.headers?.['retry-after']).length,
    refusedNoStore: refused.filter((r) => r.headers?.['cache-control'] === 'no-store').length,
    probes: { n: probes.length, statuses: summarize(probes), max: probes.length ? Math.max(...probes.map((p) => p.ms)) : NaN,
      p95: percentile(probes.map((p) => p.ms), 95) },
  };
}

async function floor() {
  const connections = new http.Agent({ keepAlive: false, maxSockets: Infinity });
  const results = await Promise.all(Array.from({ length: N }, () =>
    get(env.thumbler, '/health/live', { agent: connections, timeoutMs: 120_000 })));
  connections.destroy();
  const ms = results.map((x) => x.ms);
  return { n: results.length, statuses: summarize(results), p50: percentile(ms, 50), p95: percentile(ms, 95), max: Math.max(...ms) };
}

const r = await gated('burst', burst, { tries: 1 });
await sleep(2_000); // let the renders of the burst finish
r.liveness = await floor();
console.error(`  ${N} at once: ${JSON.stringify(r.statuses)} in ${r.wallMs} ms; 503 p50 ${r.refused.p50?.toFixed?.(0)} ms, `
  + `p95 ${r.refused.p95?.toFixed?.(0)} ms, max ${r.refused.max?.toFixed?.(0)} ms; readiness ${r.probes.n} probes `
  + `${JSON.stringify(r.probes.statuses)}, slowest ${r.probes.max?.toFixed?.(0)} ms; the same burst on /health/live: `
  + `p95 ${r.liveness.p95?.toFixed?.(0)} ms`);
save('burst', { requests: N, photo, ...r });
