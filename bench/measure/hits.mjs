// 4. Hit path, measured side by side with Varnish 7 in one run (the cache tier replaces Varnish, so
// a hit is judged against it). wrk shares the 2 cores with the servers, as a one-box benchmark must, so only the ratios
// from this run mean anything; every block runs under the gate and rounds alternate the order.
//   a. Hot URL: one cached ~20 KB thumbnail under `wrk -t2 -c64`, Thumbler's rendition cache
//      beside Varnish serving the same bytes from its cache (and nginx serving them as a file,
//      the floor of this machine); in the same rounds, Thumbler's 304 answers to the same URL
//      with `If-None-Match: <its ETag>`.
//   b. Working set: 500 distinct cached variants (120×120 of one photo, one `cb:` each),
//      wrk rotating over them (rotate.lua); Varnish holds the same 500 bodies as 500 objects.
//   c. Hits while renders run: `wrk -t2 -c16` on the hot URL, alone and while two closed-loop
//      clients keep requesting distinct cold 300×300 variants of the largest photo.
// Every wrk run also records the CPU that Thumbler's JVM, Varnish and nginx used meanwhile
// (from /proc), so the report can give server CPU µs per request.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import http from 'node:http';
import { execFileSync } from 'node:child_process';
import { env, save, median } from '../lib/config.mjs';
import { gated, pastDeadline } from '../lib/gate.mjs';
import { agent, get, pool } from '../lib/http.mjs';
import { thumbPath } from '../lib/sign.mjs';
import { cacheBuster, renderablePhotos } from './common.mjs';
import { wrk, withCpu } from './wrk.mjs';

const DURATION = env.quick ? 3 : 10;
const ROUNDS = env.quick ? 1 : 2;
const WARM_UP = env.quick ? 2 : 3;
// A JVM serves its hits from interpreted, then C1-, then C2-compiled code: measured right after
// start, the first ~10 s of load ran at a third of the warm rate on this machine. A server in
// production is warm, and Varnish needs no warm-up, so Thumbler's hot path gets a longer one.
const JVM_WARM_UP = env.quick ? 5 : 20;
// The working set: 500 variants (the target's size); a quick run primes fewer, as priming
// renders each one once. Priming stops at WS_PRIME_MS, and the report says how many it made.
const WS_SIZE = Number(process.env.BENCH_WS_SIZE) || (env.quick ? 100 : 500);
const WS_PX = 120;
const WS_PRIME_CLIENTS = 2;
const WS_PRIME_MS = env.quick ? 30_000 : 80_000;
const WS_SAMPLE = 20; // variants asked a second time to check they are cache hits
const RENDER_CLIENTS = 2;
const RENDERS_CONNECTIONS = 16;
const ROTATE_LUA = new URL('./rotate.lua', import.meta.url).pathname;
const servers = { thumbler: env.pids.thumbler, varnish: env.pids.varnish, nginx: env.pids.nginx };
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'thumbler-bench-hits-'));

// The photo whose 300x300 Thumbler thumbnail (kept by the cold measurement) is nearest 20 KB,
// a typical thumbnail; BENCH_HIT_PHOTO overrides.
function pickHitPhoto() {
  if (process.env.BENCH_HIT_PHOTO) return process.env.BENCH_HIT_PHOTO;
  const thumbs = path.join(env.results, 'thumbs');
  const made = env.photos.map((file) => {
    const t = path.join(thumbs, `${path.parse(file).name}.thumbler.jpg`);
    return { file, bytes: fs.existsSync(t) ? fs.statSync(t).size : null };
  }).filter((x) => x.bytes);
  made.sort((a, b) => Math.abs(a.bytes - 20_480) - Math.abs(b.bytes - 20_480));
  return made[0]?.file ?? env.photos[0];
}
const hitPhoto = pickHitPhoto();
// The working set's photo: the one Thumbler rendered fastest in the cold measurement, as priming
// renders it WS_SIZE times (the hit photo may be a progressive JPEG taking ~0.5 s a render, which
// would make priming 500 variants take minutes); the hit photo when there is no cold measurement.
// BENCH_WS_PHOTO overrides. Which photo hardly matters to a hit: the bodies are all ~120 px JPEGs.
function pickWsPhoto() {
  if (process.env.BENCH_WS_PHOTO) return process.env.BENCH_WS_PHOTO;
  const f = path.join(env.results, 'cold.json');
  const rendered = fs.existsSync(f) ? JSON.parse(fs.readFileSync(f, 'utf8')).photos
    .filter((p) => env.photos.includes(p.file) && p.stats.thumbler.n > 0 && Number.isFinite(p.stats.thumbler.median)) : [];
  rendered.sort((x, y) => x.stats.thumbler.median - y.stats.thumbler.median);
  return rendered[0]?.file ?? hitPhoto;
}
const wsPhoto = pickWsPhoto();
const hitPath = thumbPath({ key: env.key, salt: env.salt, file: hitPhoto, cb: cacheBuster('hit')() });

/** One GET with request headers (lib/http.mjs's get sends none); status and headers only. */
function getWith(base, p, headers, a) {
  return new Promise((resolve) => {
    const req = http.get(base + p, { agent: a, headers, timeout: 30_000 }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers }));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', (e) => resolve({ status: 0, error: String(e) }));
  });
}

/** Varnish's own counters: they prove it served hits, not misses passed to nginx. */
function varnishCounters() {
  try {
    const js = JSON.parse(execFileSync('varnishstat', ['-n', process.env.VARNISH_WORKDIR, '-1', '-j',
      '-f', 'MAIN.cache_hit', '-f', 'MAIN.cache_miss', '-f', 'MAIN.client_req', '-f', 'MAIN.n_object'], { encoding: 'utf8' }));
    const counters = js.counters ?? js;
    return Object.fromEntries(['MAIN.cache_hit', 'MAIN.cache_miss', 'MAIN.client_req', 'MAIN.n_object']
      .map((k) => [k, counters[k]?.value]));
  } catch (e) { return { error: String(e).slice(0, 200) }; }
}

/** A gated wrk run with the servers' CPU counted; logs one line. */
async function measured(label, url, opts = {}) {
  const r = await gated(label, () => withCpu(servers, () => wrk(url, opts.seconds ?? DURATION, opts)));
  const cpu = Object.entries(r.cpuUsPerRequest).map(([k, v]) => `${k} ${Number.isFinite(v) ? v.toFixed(1) : 'n/a'}`).join(', ');
  console.error(`  ${label}: ${r.rps.toFixed(0)} req/s (${r.okRps.toFixed(0)} 2xx/3xx), p50 ${r.p50} ms, p99 ${r.p99} ms, ` +
    `non-2xx ${r.non2xx}, ${r.bytesPerRequest.toFixed(0)} B/req; CPU µs/req: ${cpu}`);
  return r;
}

// ---- a. set-up of the hot URL --------------------------------------------------------------
// Prime Thumbler's cache and take its bytes: Varnish and nginx serve exactly these.
const a = agent(1);
const first = await get(env.thumbler, hitPath, { agent: a, keepBody: true });
if (first.status !== 200) throw new Error(`hit set-up: Thumbler answered ${first.status} for ${hitPath}`);
const second = await get(env.thumbler, hitPath, { agent: a });
fs.writeFileSync(path.join(process.env.NGINX_ROOT, 'thumb.jpg'), first.body);
const v1 = await get(env.varnish, '/thumb.jpg', { agent: a });
const v2 = await get(env.varnish, '/thumb.jpg', { agent: a });
// The 304 path: the ETag of the hit, sent back as If-None-Match.
const etag = second.headers?.etag ?? first.headers?.etag;
const nm = etag ? await getWith(env.thumbler, hitPath, { 'If-None-Match': etag }, a) : { status: 'no ETag' };
a.destroy();
const check = {
  photo: hitPhoto, bytes: first.body.length, varnishFirstStatus: v1.status,
  thumblerFirst: first.timing.cache ?? 'no cache desc', thumblerSecond: second.timing.cache ?? 'no cache desc',
  varnishSecondXVarnish: v2.headers?.['x-varnish'], varnishBytes: v2.bytes,
  etag, notModifiedStatus: nm.status, notModifiedServerTiming: nm.headers?.['server-timing'],
};
console.error(`  hit set-up: ${check.bytes} bytes; Thumbler ${check.thumblerFirst} then ${check.thumblerSecond}; ` +
  `Varnish X-Varnish "${check.varnishSecondXVarnish}"; If-None-Match ${etag} -> ${nm.status}`);
const cached = second.timing.cache === 'hit';
const can304 = nm.status === 304;

// ---- b. set-up of the working set -----------------------------------------------------------
// WS_SIZE distinct signed URLs of one small variant, made distinct by `cb:` (by size on a build
// without `cb:`), each rendered once by Thumbler with two clients at a time. Each primed body
// goes into nginx's root as ws/<i>.jpg, so Varnish caches the same bytes as WS_SIZE objects.
let workingSet = null;
if (cached) {
  const nextWs = cacheBuster('ws');
  const wanted = Array.from({ length: WS_SIZE }, (_, i) => {
    const cb = nextWs();
    const px = cb === undefined ? WS_PX + i : WS_PX;
    return thumbPath({ key: env.key, salt: env.salt, file: wsPhoto, w: px, h: px, cb });
  });
  console.error(`  working set: priming ${WS_SIZE} variants (${WS_PX}x${WS_PX} of ${wsPhoto}), ${WS_PRIME_CLIENTS} at a time`);
  const pa = agent(WS_PRIME_CLIENTS);
  const answers = new Array(wanted.length);
  let next = 0;
  const started = Date.now();
  await Promise.all(Array.from({ length: WS_PRIME_CLIENTS }, async () => {
    while (next < wanted.length && Date.now() - started < WS_PRIME_MS) {
      const i = next++;
      answers[i] = await get(env.thumbler, wanted[i], { agent: pa, keepBody: true });
    }
  }));
  const primeMs = Date.now() - started;
  const primed = wanted.map((p, i) => ({ p, r: answers[i] })).filter((x) => x.r?.status === 200);
  const primeCache = {};
  for (const x of answers.filter(Boolean)) {
    const k = x.status === 200 ? (x.timing.cache ?? 'none') : `status ${x.status}`;
    primeCache[k] = (primeCache[k] ?? 0) + 1;
  }
  fs.mkdirSync(path.join(process.env.NGINX_ROOT, 'ws'), { recursive: true });
  primed.forEach((x, i) => fs.writeFileSync(path.join(process.env.NGINX_ROOT, 'ws', `${i}.jpg`), x.r.body));
  const thumblerPaths = primed.map((x) => x.p);
  const varnishPaths = primed.map((_, i) => `/ws/${i}.jpg`);
  fs.writeFileSync(path.join(work, 'thumbler-paths.txt'), thumblerPaths.join('\n') + '\n');
  fs.writeFileSync(path.join(work, 'varnish-paths.txt'), varnishPaths.join('\n') + '\n');

  // Second requests of a sample, evenly spread over the set: Thumbler must answer `cache;desc=hit`.
  const sampleIdx = [...new Set(Array.from({ length: Math.min(WS_SAMPLE, primed.length) },
    (_, k) => Math.floor((k * primed.length) / Math.min(WS_SAMPLE, primed.length))))];
  const sampleHits = async () => {
    let hits = 0;
    for (const i of sampleIdx) if ((await get(env.thumbler, thumblerPaths[i], { agent: pa })).timing.cache === 'hit') hits++;
    return hits;
  };
  const hitsBefore = await sampleHits();
  // Varnish: one pass fetches every object from nginx, a second must be all hits.
  const vs0 = varnishCounters();
  await pool(env.varnish, varnishPaths, { concurrency: 2, maxMs: 30_000 });
  const vs1 = varnishCounters();
  await pool(env.varnish, varnishPaths, { concurrency: 2, maxMs: 30_000 });
  const vs2 = varnishCounters();
  pa.destroy();
  workingSet = {
    wanted: WS_SIZE, size: primed.length, photo: wsPhoto, px: WS_PX, primeMs, primeTruncated: primed.length < WS_SIZE,
    primeClients: WS_PRIME_CLIENTS, primeBoundMs: WS_PRIME_MS, primeCache,
    bodyBytesMedian: median(primed.map((x) => x.r.body.length)),
    distinctBodies: new Set(primed.map((x) => x.r.body.toString('base64'))).size,
    sample: sampleIdx.length, sampleHitsBefore: hitsBefore,
    varnishPrimeMisses: (vs1['MAIN.cache_miss'] ?? NaN) - (vs0['MAIN.cache_miss'] ?? NaN),
    varnishSecondPassHits: (vs2['MAIN.cache_hit'] ?? NaN) - (vs1['MAIN.cache_hit'] ?? NaN),
    varnishObjects: vs2['MAIN.n_object'],
    runs: [],
  };
  console.error(`  working set: ${primed.length} of ${WS_SIZE} primed in ${(primeMs / 1000).toFixed(1)} s ` +
    `(${JSON.stringify(primeCache)}); sample second requests: ${hitsBefore}/${sampleIdx.length} hits; ` +
    `Varnish second pass ${workingSet.varnishSecondPassHits} hits, ${workingSet.varnishObjects} objects`);
  workingSet.sampleHits = sampleHits;
}

// ---- the timed runs ------------------------------------------------------------------------
const hot = {
  thumbler: { url: env.thumbler + hitPath },
  'thumbler-304': { url: env.thumbler + hitPath, headers: [`If-None-Match: ${etag}`] },
  varnish: { url: env.varnish + '/thumb.jpg' },
  nginx: { url: env.nginx + '/thumb.jpg' },
};
const ws = workingSet && workingSet.size > 0 ? {
  'thumbler-ws': { url: env.thumbler, script: ROTATE_LUA, scriptEnv: { WRK_PATHS: path.join(work, 'thumbler-paths.txt') } },
  'varnish-ws': { url: env.varnish, script: ROTATE_LUA, scriptEnv: { WRK_PATHS: path.join(work, 'varnish-paths.txt') } },
} : {};
const warmed = { ...hot, ...ws };
for (const [name, t] of Object.entries(warmed)) {
  if (name.startsWith('thumbler') && !cached) continue;
  if (name === 'thumbler-304') continue; // the same server code path as the hit, warmed by it
  const seconds = name === 'thumbler' ? JVM_WARM_UP : WARM_UP;
  console.error(`  warm-up ${name} (${seconds} s)`);
  await wrk(t.url, seconds, t);
}
// Varnish counters before the timed runs: misses after this point mean it fetched from nginx.
const varnishBeforeRuns = varnishCounters();

const runs = []; // hot URL, 2xx
const notModifiedRuns = []; // hot URL, 304
for (let round = 0; round < ROUNDS && !(round > 0 && pastDeadline()); round++) {
  // Without a cache Thumbler's rows measure an overflowing render queue: one round shows that.
  const names = Object.keys(hot).filter((n) => (n !== 'thumbler' || cached || round === 0) && (n !== 'thumbler-304' || can304));
  if (round % 2) names.reverse();
  for (const name of names) {
    const r = await measured(`hits ${name} round ${round + 1}`, hot[name].url, hot[name]);
    (name === 'thumbler-304' ? notModifiedRuns : runs).push({ round: round + 1, target: name, ...r });
  }
}

if (workingSet && workingSet.size > 0) {
  for (let round = 0; round < ROUNDS && !(round > 0 && pastDeadline()); round++) {
    const names = Object.keys(ws);
    if (round % 2) names.reverse();
    for (const name of names) {
      const r = await measured(`working set ${name} round ${round + 1}`, ws[name].url, ws[name]);
      workingSet.runs.push({ round: round + 1, target: name.replace(/-ws$/, ''), ...r });
    }
  }
  workingSet.sampleHitsAfter = await workingSet.sampleHits();
  console.error(`  working set: after the runs ${workingSet.sampleHitsAfter}/${workingSet.sample} sampled variants still hits`);
}
delete workingSet?.sampleHits;

// ---- c. hits while two renders run ----------------------------------------------------------
// Two closed-loop clients, each asking for a new cold 300x300 variant of the largest photo
// Thumbler renders as soon as its previous one is answered, from a second before wrk starts
// until wrk has ended; then they are stopped and awaited (their last render finishes).
let duringRenders = null;
if (cached) {
  const renderPhoto = renderablePhotos(env.photos).photos[0];
  const nextCb = cacheBuster('busy');
  const hotUrl = env.thumbler + hitPath;
  const opts = { connections: RENDERS_CONNECTIONS, threads: 2, seconds: DURATION };
  const alone = await measured(`hits -c${RENDERS_CONNECTIONS} alone`, hotUrl, opts);
  const busy = await gated(`hits -c${RENDERS_CONNECTIONS} during ${RENDER_CLIENTS} renders`, async () => {
    const ra = agent(RENDER_CLIENTS);
    const done = [];
    let stop = false;
    const loops = Array.from({ length: RENDER_CLIENTS }, async () => {
      while (!stop) {
        const r = await get(env.thumbler, thumbPath({ key: env.key, salt: env.salt, file: renderPhoto, cb: nextCb() }), { agent: ra });
        done.push({ status: r.status, cache: r.timing.cache, render: r.timing.render, ms: r.ms, end: Date.now() });
      }
    });
    await sleep(1000);
    const t0 = Date.now();
    const r = await withCpu(servers, () => wrk(hotUrl, opts.seconds, opts));
    const t1 = Date.now();
    stop = true;
    await Promise.all(loops);
    ra.destroy();
    const renders = done.filter((x) => x.status === 200 && x.cache !== 'hit');
    const statuses = {};
    for (const x of done) statuses[x.status] = (statuses[x.status] ?? 0) + 1;
    return {
      ...r, wrkMs: t1 - t0,
      rendersDuringWrk: renders.filter((x) => x.end >= t0 && x.end <= t1).length,
      rendersTotal: renders.length, renderStatuses: statuses,
      renderMsMedian: median(renders.map((x) => x.ms)), renderServerMsMedian: median(renders.map((x) => x.render).filter(Number.isFinite)),
    };
  });
  console.error(`  hits during ${RENDER_CLIENTS} renders: ${busy.okRps.toFixed(0)} req/s, p50 ${busy.p50} ms, p99 ${busy.p99} ms; ` +
    `${busy.rendersDuringWrk} renders completed during wrk (${busy.rendersTotal} in all, ${JSON.stringify(busy.renderStatuses)}, ` +
    `median ${busy.renderMsMedian?.toFixed(0)} ms)`);
  duringRenders = {
    photo: renderPhoto, size: 300, clients: RENDER_CLIENTS, connections: RENDERS_CONNECTIONS, threads: 2, duration: DURATION,
    runs: [{ target: 'alone', ...alone }, { target: 'renders', ...busy }],
  };
}

const varnishStats = varnishCounters();
fs.rmSync(work, { recursive: true, force: true });
save('hits', {
  duration: DURATION, connections: 64, threads: 2, check, varnishStats, varnishBeforeRuns, runs,
  notModifiedRuns, workingSet, duringRenders,
});
