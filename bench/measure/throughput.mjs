// 2. Throughput: distinct cold renders per second with both cores busy. Thumbler gets twice as
// many clients as cores so its render slots never wait for the next request; the ceiling is
// `cores` raw convert processes at a time (measured: N=2 doubles N=1, N=4 adds nothing).
// Both work through the same job list; rounds alternate their order.
import os from 'node:os';
import fs from 'node:fs';
import path from 'node:path';
import { env, save, percentile } from '../lib/config.mjs';
import { gated, pastDeadline } from '../lib/gate.mjs';
import { pool, summarize } from '../lib/http.mjs';
import { CONVERT, IM_ENV, convertArgs, run, runParallel } from '../lib/raw.mjs';
import { thumbPath } from '../lib/sign.mjs';
import { cacheBuster, jobList, rate, renderablePhotos } from './common.mjs';

const cores = os.availableParallelism();
const PASSES = env.quick ? 2 : 8;
const ROUNDS = env.quick ? 1 : 2;
// Each run stops taking jobs after this long: on a loaded machine the rate is still a rate.
const MAX_MS = 25_000;
const { photos, leftOut } = renderablePhotos(env.photos);
const jobs = jobList(photos, PASSES);
const out = fs.mkdtempSync('/tmp/thumbler-bench-tp-');
const nextCb = cacheBuster('tp');

async function rawConvert() {
  const tasks = jobs.map((file, i) => () =>
    run(CONVERT, convertArgs(path.join(env.originals, file), `${out}/${i % 8}.jpg`), { env: IM_ENV }));
  const { results, wallMs } = await runParallel(tasks, cores, MAX_MS);
  const ok = results.filter((r) => r.code === 0).length;
  return { tool: `convert x${cores}`, parallel: cores, jobs: jobs.length, done: results.length, ok, wallMs, perSec: rate(ok, wallMs) };
}

async function thumbler() {
  const paths = jobs.map((file) => thumbPath({ key: env.key, salt: env.salt, file, cb: nextCb() }));
  const { results, wallMs, truncated } = await pool(env.thumbler, paths, { concurrency: 2 * cores, maxMs: MAX_MS });
  const ok = results.filter((r) => r.status === 200).length;
  return { tool: `Thumbler c${2 * cores}`, clients: 2 * cores, jobs: jobs.length, done: results.length, ok, wallMs, truncated,
    perSec: rate(ok, wallMs), statuses: summarize(results),
    p50: percentile(results.map((r) => r.ms), 50), p99: percentile(results.map((r) => r.ms), 99) };
}

const runs = [];
for (let round = 0; round < ROUNDS && !(round > 0 && pastDeadline()); round++) {
  const order = round % 2 ? [thumbler, rawConvert] : [rawConvert, thumbler];
  for (const fn of order) {
    const r = await gated(`throughput ${fn.name} round ${round + 1}`, fn);
    console.error(`  ${r.tool}: ${r.perSec.toFixed(2)}/s (${r.ok}/${r.done} ok in ${(r.wallMs / 1000).toFixed(1)} s)`);
    runs.push({ round: round + 1, ...r });
  }
}
fs.rmSync(out, { recursive: true, force: true });
save('throughput', { cores, passes: PASSES, maxMs: MAX_MS, photos, leftOut, runs });
