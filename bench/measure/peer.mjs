// 3. The sharp peer: distinct cold renders per second of a 512x512 fit JPEG with two
// concurrent clients (the shape of the benchmark imgproxy's authors published), Thumbler and
// the sharp server driven by the same load tool over the same job list. Two raw `convert`
// processes at a time doing the same 512 px job show what any ImageMagick design can reach.
import fs from 'node:fs';
import path from 'node:path';
import { env, save, percentile } from '../lib/config.mjs';
import { gated, pastDeadline } from '../lib/gate.mjs';
import { pool, summarize } from '../lib/http.mjs';
import { thumbPath } from '../lib/sign.mjs';
import { CONVERT, IM_ENV, convertArgs, run, runParallel } from '../lib/raw.mjs';
import { cacheBuster, jobList, rate, renderablePhotos } from './common.mjs';

const SIZE = 512;
const CLIENTS = 2;
const PASSES = env.quick ? 2 : 6;
const ROUNDS = env.quick ? 1 : 2;
const MAX_MS = 25_000;
const { photos, leftOut } = renderablePhotos(env.photos);
const jobs = jobList(photos, PASSES);
const nextCb = cacheBuster('peer');

const targets = {
  thumbler: () => [env.thumbler, jobs.map((file) =>
    thumbPath({ key: env.key, salt: env.salt, file, w: SIZE, h: SIZE, q: 82, cb: nextCb() }))],
  sharp: () => [env.sharp, jobs.map((file, i) =>
    `/thumb?src=${encodeURIComponent(file)}&w=${SIZE}&h=${SIZE}&q=82&n=${i}`)],
};

const out = fs.mkdtempSync('/tmp/thumbler-bench-peer-');
async function rawConvert() {
  const tasks = jobs.map((file, i) => () => run(CONVERT,
    convertArgs(path.join(env.originals, file), `${out}/${i % 8}.jpg`, { w: SIZE, h: SIZE, q: 82 }), { env: IM_ENV }));
  const { results, wallMs } = await runParallel(tasks, CLIENTS, MAX_MS);
  const ok = results.filter((r) => r.code === 0).length;
  return { tool: `convert x${CLIENTS}`, jobs: jobs.length, done: results.length, ok, wallMs, perSec: rate(ok, wallMs) };
}

// One request each first, so neither pays its first-request set-up inside the timed run.
for (const name of Object.keys(targets)) {
  const [base, paths] = targets[name]();
  await pool(base, paths.slice(0, CLIENTS), { concurrency: CLIENTS });
}

const runs = [];
for (let round = 0; round < ROUNDS && !(round > 0 && pastDeadline()); round++) {
  const order = round % 2 ? ['convert', 'sharp', 'thumbler'] : ['thumbler', 'sharp', 'convert'];
  for (const name of order) {
    const r = await gated(`peer ${name} round ${round + 1}`, name === 'convert' ? rawConvert : async () => {
      const [base, paths] = targets[name]();
      const { results, wallMs, truncated } = await pool(base, paths, { concurrency: CLIENTS, maxMs: MAX_MS });
      const ok = results.filter((x) => x.status === 200).length;
      return { tool: name, jobs: paths.length, done: results.length, ok, wallMs, truncated, perSec: rate(ok, wallMs),
        statuses: summarize(results), bytesMedian: percentile(results.map((x) => x.bytes ?? 0), 50),
        p50: percentile(results.map((x) => x.ms), 50), p99: percentile(results.map((x) => x.ms), 99) };
    });
    console.error(`  ${r.tool}: ${r.perSec.toFixed(2)}/s (${r.ok}/${r.done} ok)`);
    runs.push({ round: round + 1, ...r });
  }
}
fs.rmSync(out, { recursive: true, force: true });
save('peer', { size: SIZE, clients: CLIENTS, passes: PASSES, maxMs: MAX_MS, photos, leftOut, runs });
