// The load tool for cold renders (Thumbler and the sharp peer alike): keep-alive HTTP GETs
// from a closed loop of C clients over a fixed list of distinct URLs, so it works exactly like
// `xargs -P C` over the same job list for the raw convert ceiling.
import http from 'node:http';

export function agent(maxSockets) {
  return new http.Agent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets });
}

/** Parses `fetch;dur=1.2,render;dur=80,cache;desc=miss` into {fetch: 1.2, render: 80, cache: 'miss'}. */
export function parseServerTiming(header) {
  const out = {};
  for (const part of String(header ?? '').split(',')) {
    const [name, ...params] = part.trim().split(';');
    if (!name) continue;
    for (const p of params) {
      const [k, v] = p.trim().split('=');
      const value = v?.replace(/^"|"$/g, '');
      if (k === 'dur') out[name] = Number(value);
      if (k === 'desc') out[name] = value;
    }
  }
  return out;
}

/** One GET; resolves (never rejects) with status, wall ms, body bytes and Server-Timing. */
export function get(base, path, { agent: a, timeoutMs = 60_000, keepBody = false } = {}) {
  return new Promise((resolve) => {
    const started = process.hrtime.bigint();
    const ms = () => Number(process.hrtime.bigint() - started) / 1e6;
    const req = http.get(base + path, { agent: a, timeout: timeoutMs }, (res) => {
      const chunks = [];
      let bytes = 0;
      res.on('data', (c) => { bytes += c.length; if (keepBody) chunks.push(c); });
      res.on('end', () => resolve({
        status: res.statusCode, ms: ms(), bytes,
        timing: parseServerTiming(res.headers['server-timing']),
        headers: res.headers,
        body: keepBody ? Buffer.concat(chunks) : undefined,
      }));
      res.on('error', (e) => resolve({ status: 0, ms: ms(), error: String(e) }));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', (e) => resolve({ status: 0, ms: ms(), error: String(e) }));
  });
}

/**
 * Closed-loop load: `concurrency` clients each take the next path from `paths` until the list
 * is used up or `maxMs` has passed (the bound that keeps a slow server from stretching the run).
 */
export async function pool(base, paths, { concurrency, maxMs = 120_000, onResult } = {}) {
  const a = agent(concurrency);
  const results = [];
  let next = 0;
  const started = Date.now();
  async function client() {
    while (next < paths.length && Date.now() - started < maxMs) {
      const path = paths[next++];
      const r = await get(base, path, { agent: a });
      r.path = path;
      results.push(r);
      onResult?.(r);
    }
  }
  await Promise.all(Array.from({ length: concurrency }, client));
  const wallMs = Date.now() - started;
  a.destroy();
  return { results, wallMs, truncated: results.length < paths.length };
}

export function summarize(results) {
  const byStatus = {};
  for (const r of results) byStatus[r.status] = (byStatus[r.status] ?? 0) + 1;
  return byStatus;
}
