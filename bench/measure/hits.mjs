// 4. Hit path: one cached ~20 KB thumbnail under `wrk -t2 -c64`, Thumbler's rendition cache
// beside Varnish 7 serving the same bytes from its cache (and nginx serving them as a file, the
// floor of this machine). wrk shares the 2 cores with the server, as in perf-anchors.md, so
// only ratios from this run mean anything. Rounds alternate the order.
import fs from 'node:fs';
import path from 'node:path';
import { spawn, execFileSync } from 'node:child_process';
import { env, save } from '../lib/config.mjs';
import { gated } from '../lib/gate.mjs';
import { agent, get } from '../lib/http.mjs';
import { thumbPath } from '../lib/sign.mjs';
import { cacheBuster } from './common.mjs';

const DURATION = env.quick ? 3 : 10;
const ROUNDS = env.quick ? 1 : 2;
// The photo whose 300x300 Thumbler thumbnail (kept by the cold measurement) is nearest 20 KB,
// the size of perf-anchors.md's hit file; BENCH_HIT_PHOTO overrides.
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
const hitPath = thumbPath({ key: env.key, salt: env.salt, file: hitPhoto, cb: cacheBuster('hit')() });

/** Runs wrk and parses its summary; latencies in ms. */
function wrk(url, seconds, connections = 64, threads = 2) {
  return new Promise((resolve) => {
    const p = spawn('wrk', [`-t${threads}`, `-c${connections}`, `-d${seconds}s`, '--latency', url]);
    let text = '';
    p.stdout.on('data', (d) => { text += d; });
    p.stderr.on('data', (d) => { text += d; });
    p.on('close', () => resolve(parseWrk(text)));
  });
}

function toMs(v, unit) { return Number(v) * ({ us: 0.001, ms: 1, s: 1000, m: 60000 }[unit] ?? NaN); }

export function parseWrk(text) {
  const pct = (p) => { const m = text.match(new RegExp(`^\\s+${p}%\\s+([\\d.]+)(us|ms|s|m)\\s*$`, 'm')); return m ? toMs(m[1], m[2]) : NaN; };
  const num = (re) => { const m = text.match(re); return m ? Number(m[1]) : 0; };
  const sock = text.match(/Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/);
  const rps = num(/Requests\/sec:\s+([\d.]+)/);
  const requests = num(/(\d+) requests in/);
  const non2xx = num(/Non-2xx or 3xx responses: (\d+)/);
  return {
    rps, requests, non2xx,
    // wrk counts error answers (e.g. 503 when a render queue overflows) as requests too
    okRps: requests ? (rps * (requests - non2xx)) / requests : 0,
    p50: pct(50), p75: pct(75), p90: pct(90), p99: pct(99),
    socketErrors: sock ? sock.slice(1).map(Number).reduce((a, b) => a + b, 0) : 0,
    raw: text.trim(),
  };
}

// Prime Thumbler's cache and take its bytes: Varnish and nginx serve exactly these.
const a = agent(1);
const first = await get(env.thumbler, hitPath, { agent: a, keepBody: true });
if (first.status !== 200) throw new Error(`hit set-up: Thumbler answered ${first.status} for ${hitPath}`);
const second = await get(env.thumbler, hitPath, { agent: a });
fs.writeFileSync(path.join(process.env.NGINX_ROOT, 'thumb.jpg'), first.body);
const v1 = await get(env.varnish, '/thumb.jpg', { agent: a });
const v2 = await get(env.varnish, '/thumb.jpg', { agent: a });
a.destroy();
const check = {
  photo: hitPhoto, bytes: first.body.length,
  thumblerFirst: first.timing.cache ?? 'no cache desc', thumblerSecond: second.timing.cache ?? 'no cache desc',
  varnishSecondXVarnish: v2.headers?.['x-varnish'], varnishBytes: v2.bytes,
};
console.error(`  hit set-up: ${check.bytes} bytes; Thumbler ${check.thumblerFirst} then ${check.thumblerSecond}; ` +
  `Varnish X-Varnish "${check.varnishSecondXVarnish}"`);

const cached = second.timing.cache === 'hit';
const targets = {
  thumbler: env.thumbler + hitPath,
  varnish: env.varnish + '/thumb.jpg',
  nginx: env.nginx + '/thumb.jpg',
};
for (const [name, url] of Object.entries(targets)) {
  if (name === 'thumbler' && !cached) continue;
  console.error(`  warm-up ${name}`);
  await wrk(url, 3);
}

const runs = [];
for (let round = 0; round < ROUNDS; round++) {
  // Without a cache Thumbler's rows measure an overflowing render queue: one round shows that.
  const names = Object.keys(targets).filter((n) => n !== 'thumbler' || cached || round === 0);
  if (round % 2) names.reverse();
  for (const name of names) {
    const r = await gated(`hits ${name} round ${round + 1}`, () => wrk(targets[name], DURATION));
    console.error(`  ${name}: ${r.rps.toFixed(0)} req/s (${r.okRps.toFixed(0)} 2xx), p50 ${r.p50} ms, p99 ${r.p99} ms, non-2xx ${r.non2xx}`);
    runs.push({ round: round + 1, target: name, ...r });
  }
}

// Varnish's own counters prove it served hits, not misses passed to nginx.
let varnishStats = {};
try {
  const js = JSON.parse(execFileSync('varnishstat', ['-n', process.env.VARNISH_WORKDIR, '-1', '-j',
    '-f', 'MAIN.cache_hit', '-f', 'MAIN.cache_miss', '-f', 'MAIN.client_req'], { encoding: 'utf8' }));
  const counters = js.counters ?? js;
  for (const k of ['MAIN.cache_hit', 'MAIN.cache_miss', 'MAIN.client_req']) varnishStats[k] = counters[k]?.value;
} catch (e) { varnishStats = { error: String(e).slice(0, 200) }; }

save('hits', { duration: DURATION, connections: 64, threads: 2, check, varnishStats, runs });
