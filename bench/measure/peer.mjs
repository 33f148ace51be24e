// 3. The sharp peer: distinct cold renders per second of a 512x512 fit JPEG with two
// concurrent clients (the shape of the benchmark imgproxy's authors published), Thumbler and
// the sharp server driven by the same load tool over the same job list.
import { env, save, percentile } from '../lib/config.mjs';
import { gated } from '../lib/gate.mjs';
import { pool, summarize } from '../lib/http.mjs';
import { thumbPath } from '../lib/sign.mjs';
import { cacheBuster, jobList, rate } from './common.mjs';

const SIZE = 512;
const CLIENTS = 2;
const PASSES = env.quick ? 2 : 6;
const ROUNDS = env.quick ? 1 : 2;
const jobs = jobList(env.photos, PASSES);
const nextCb = cacheBuster('peer');

const targets = {
  thumbler: () => [env.thumbler, jobs.map((file) =>
    thumbPath({ key: env.key, salt: env.salt, file, w: SIZE, h: SIZE, q: 82, cb: nextCb() }))],
  sharp: () => [env.sharp, jobs.map((file, i) =>
    `/thumb?src=${encodeURIComponent(file)}&w=${SIZE}&h=${SIZE}&q=82&n=${i}`)],
};

// One request each first, so neither pays its first-request set-up inside the timed run.
for (const name of Object.keys(targets)) {
  const [base, paths] = targets[name]();
  await pool(base, paths.slice(0, CLIENTS), { concurrency: CLIENTS });
}

const runs = [];
for (let round = 0; round < ROUNDS; round++) {
  const order = round % 2 ? ['sharp', 'thumbler'] : ['thumbler', 'sharp'];
  for (const name of order) {
    const r = await gated(`peer ${name} round ${round + 1}`, async () => {
      const [base, paths] = targets[name]();
      const { results, wallMs, truncated } = await pool(base, paths, { concurrency: CLIENTS, maxMs: 90_000 });
      const ok = results.filter((x) => x.status === 200).length;
      return { tool: name, jobs: paths.length, ok, wallMs, truncated, perSec: rate(ok, wallMs),
        statuses: summarize(results), bytesMedian: percentile(results.map((x) => x.bytes ?? 0), 50),
        p50: percentile(results.map((x) => x.ms), 50), p99: percentile(results.map((x) => x.ms), 99) };
    });
    console.error(`  ${name}: ${r.perSec.toFixed(2)}/s (${r.ok}/${r.jobs} ok), p50 ${r.p50.toFixed(0)} ms`);
    runs.push({ round: round + 1, ...r });
  }
}
save('peer', { size: SIZE, clients: CLIENTS, passes: PASSES, runs });
