// 1. Cold render per photo: Thumbler (cache-busted, so every request renders) beside the raw
// /usr/bin/convert with the service's shrink-on-load arguments and beside vipsthumbnail.
// The three run interleaved, round by round in rotating order, so drift on the shared machine
// hits all three alike; each photo's block runs under the gate. Afterwards, outside the timing,
// each tool's output is weighed: its bytes, and its PSNR against a reference made from the full
// original with a Lanczos filter (ImageMagick 6 here has no SSIM metric), so that a faster setting
// can never buy worse pixels unnoticed.
import fs from 'node:fs';
import path from 'node:path';
import { env, save, median } from '../lib/config.mjs';
import { gated, pastDeadline } from '../lib/gate.mjs';
import { agent, get, pool } from '../lib/http.mjs';
import { CONVERT, VIPSTHUMBNAIL, IM_ENV, convertArgs, vipsArgs, run, imageInfo } from '../lib/raw.mjs';
import { outputQuality } from '../lib/quality.mjs';
import { thumbPath } from '../lib/sign.mjs';
import { cacheBuster } from './common.mjs';

const ROUNDS = env.quick ? 2 : 7;
const out = fs.mkdtempSync('/tmp/thumbler-bench-cold-');
const samplesDir = path.join(env.results, 'thumbs');
fs.mkdirSync(samplesDir, { recursive: true });
const http = agent(1);
const nextCb = cacheBuster('cold');

const tools = {
  convert: async (file) => {
    const r = await run(CONVERT, convertArgs(path.join(env.originals, file), `${out}/c.jpg`), { env: IM_ENV });
    return { ms: r.ms, ok: r.code === 0, error: r.code ? r.stderr : undefined };
  },
  vips: async (file) => {
    const r = await run(VIPSTHUMBNAIL, vipsArgs(path.join(env.originals, file), `${out}/v.jpg`));
    return { ms: r.ms, ok: r.code === 0, error: r.code ? r.stderr : undefined };
  },
  thumbler: async (file, keep = false) => {
    const r = await get(env.thumbler, thumbPath({ key: env.key, salt: env.salt, file, cb: nextCb() }), { agent: http, keepBody: keep });
    if (keep && r.status === 200) fs.writeFileSync(`${out}/t.jpg`, r.body);
    return {
      ms: r.ms, ok: r.status === 200 && r.timing.cache !== 'hit', status: r.status,
      render: r.timing.render, total: r.timing.total, fetch: r.timing.fetch, cache: r.timing.cache,
      error: r.status !== 200 ? String(r.error ?? r.status) : undefined,
    };
  },
};
const order = Object.keys(tools);

// JIT warm-up of the request path (small, cheap renders) so the first photo is not penalised.
console.error('cold: warming up the JVM');
const warm = Array.from({ length: env.quick ? 10 : 40 }, (_, i) =>
  thumbPath({ key: env.key, salt: env.salt, file: env.photos.at(-1), w: 64 + i, h: 64 + i, cb: nextCb() }));
await pool(env.thumbler, warm, { concurrency: 2 });

const photos = [];
const skipped = [];
for (const file of env.photos) {
  // Largest first, so a run that has used up its time budget drops the least telling photos.
  if (pastDeadline()) { skipped.push(file); continue; }
  const { width: w, height: h, interlace } = imageInfo(path.join(env.originals, file));
  const block = await gated(`cold ${file}`, async () => {
    const samples = Object.fromEntries(order.map((t) => [t, []]));
    for (const t of order) await tools[t](file, true); // warm-up, and keep each tool's output
    for (const t of order) {
      const made = `${out}/${t[0]}.jpg`;
      if (fs.existsSync(made)) fs.renameSync(made, path.join(samplesDir, `${path.parse(file).name}.${t}.jpg`));
    }
    for (let round = 0; round < ROUNDS; round++) {
      for (let i = 0; i < order.length; i++) {
        const t = order[(round + i) % order.length];
        samples[t].push(await tools[t](file));
      }
    }
    return { samples };
  });
  const stats = {};
  for (const t of order) {
    const ok = block.samples[t].filter((s) => s.ok);
    stats[t] = {
      median: median(ok.map((s) => s.ms)), min: Math.min(...ok.map((s) => s.ms)), max: Math.max(...ok.map((s) => s.ms)),
      n: ok.length, failed: block.samples[t].length - ok.length,
      errors: [...new Set(block.samples[t].filter((s) => !s.ok).map((s) => s.error ?? `cache=${s.cache}`))].slice(0, 3),
    };
  }
  const th = block.samples.thumbler.filter((s) => s.ok);
  stats.thumbler.renderMedian = median(th.map((s) => s.render).filter(Number.isFinite));
  stats.thumbler.serverTotalMedian = median(th.map((s) => s.total).filter(Number.isFinite));
  const bytes = fs.statSync(path.join(env.originals, file)).size;
  const output = await outputQuality(path.join(env.originals, file), samplesDir, order, out);
  photos.push({ file, width: w, height: h, interlace, bytes, stats, output, gate: block.gate,
    ratio: { vsConvert: stats.thumbler.median / stats.convert.median, vsVips: stats.thumbler.median / stats.vips.median,
      convertVsVips: stats.convert.median / stats.vips.median } });
  console.error(`  ${file}: convert ${stats.convert.median.toFixed(0)} ms, vips ${stats.vips.median.toFixed(0)} ms, ` +
    `thumbler ${stats.thumbler.median.toFixed(0)} ms (render ${stats.thumbler.renderMedian})`);
}
http.destroy();
fs.rmSync(out, { recursive: true, force: true });
if (skipped.length) console.error(`  time budget used up: skipped ${skipped.join(', ')}`);
save('cold', { rounds: ROUNDS, photos, skipped });
