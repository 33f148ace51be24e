// 5. Coalescing: 100 concurrent identical cold requests must cause one render. Renders are
// counted two ways: the `convert` processes the JVM starts (a /proc watcher, 10 ms tick) and
// the Server-Timing cache values (one `miss`, the rest `coalesced` or `hit`).
import { env, save, percentile } from '../lib/config.mjs';
import { gated, pastDeadline } from '../lib/gate.mjs';
import { agent, get, summarize } from '../lib/http.mjs';
import { thumbPath } from '../lib/sign.mjs';
import { TreeWatcher } from '../lib/proc.mjs';
import { cacheBuster, renderablePhotos } from './common.mjs';

const N = 100;
const TRIALS = env.quick ? 1 : 3;
const jvm = Number(env.pids.thumbler);
// The largest photo Thumbler renders: its ~100 ms render is the window the 100 requests share.
const photo = renderablePhotos(env.photos).photos[0];
const nextCb = cacheBuster('co');

const a = agent(N);
// Open the 100 keep-alive connections first, so the trial measures coalescing, not TCP set-up.
await Promise.all(Array.from({ length: N }, () => get(env.thumbler, '/health/live', { agent: a })));

const trials = [];
for (let t = 0; t < TRIALS && !(t > 0 && pastDeadline()); t++) {
  const path = thumbPath({ key: env.key, salt: env.salt, file: photo, cb: nextCb() });
  const r = await gated(`coalesce trial ${t + 1}`, async () => {
    const watcher = new TreeWatcher(jvm, 10).start();
    const started = Date.now();
    const results = await Promise.all(Array.from({ length: N }, () => get(env.thumbler, path, { agent: a })));
    const wallMs = Date.now() - started;
    watcher.stop();
    const cache = {};
    for (const x of results) cache[x.timing.cache ?? 'none'] = (cache[x.timing.cache ?? 'none'] ?? 0) + 1;
    const ms = results.map((x) => x.ms);
    return { convertProcesses: watcher.started('convert'), cacheDesc: cache, statuses: summarize(results),
      p50: percentile(ms, 50), p99: percentile(ms, 99), max: Math.max(...ms), wallMs,
      renderMs: results.find((x) => x.timing.cache === 'miss')?.timing.render };
  }, { tries: 1 }); // a retry would not be the same cold trial; the foreign share is reported instead
  console.error(`  trial ${t + 1}: ${r.convertProcesses} convert process(es), cache ${JSON.stringify(r.cacheDesc)}, ` +
    `statuses ${JSON.stringify(r.statuses)}, p99 ${r.p99.toFixed(0)} ms`);
  trials.push(r);
}
a.destroy();
save('coalesce', { requests: N, photo, trials });
