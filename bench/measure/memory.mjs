// 6. Memory: peak RSS of the JVM plus its ImageMagick children while it serves 1000 distinct
// requests over the raster corpus (photos, PNG, GIF, WebP, TIFF, AVIF, CMYK, EXIF fixtures),
// each at a distinct size and cache buster, 8 clients, bounded in time.
import fs from 'node:fs';
import { env, save, percentile } from '../lib/config.mjs';
import { pool, summarize } from '../lib/http.mjs';
import { thumbPath } from '../lib/sign.mjs';
import { TreeWatcher, peakRss, procStat } from '../lib/proc.mjs';
import { cacheBuster, rate } from './common.mjs';
import { grepLog } from '../lib/logs.mjs';

const REQUESTS = env.quick ? 100 : 1000;
const MAX_MS = env.quick ? 30_000 : 160_000;
const CLIENTS = 8;
const jvm = Number(env.pids.thumbler);
// SVG (seconds per render in ImageMagick without -density) and the truncated HEIC are left out:
// this measures memory under ordinary load, not the bad-input suite.
const files = fs.readdirSync(env.originals).filter((f) => !/\.(svg|heic|tsv|md)$/i.test(f)).sort();
const sizes = [120, 200, 300, 400, 512, 640, 800];
const nextCb = cacheBuster('mem');
// Only these count as the JVM's ImageMagick children. A child seen between the JVM's spawn and
// its exec still shares the JVM's memory and would count the JVM twice.
const IMAGEMAGICK = new Set(['convert', 'identify', 'magick']);
const paths = Array.from({ length: REQUESTS }, (_, i) => {
  const s = sizes[i % sizes.length];
  return thumbPath({ key: env.key, salt: env.salt, file: files[i % files.length], w: s, h: s, cb: nextCb() });
});

const series = []; // [seconds, jvm MiB, jvm + ImageMagick MiB, ImageMagick processes]
const watcher = new TreeWatcher(jvm, 50, IMAGEMAGICK).start();
const t0 = Date.now();
const sampler = setInterval(() => {
  const jvmRss = procStat(jvm)?.rss ?? 0;
  const im = [...watcher.live.keys()].map(procStat).filter((st) => st && IMAGEMAGICK.has(st.comm));
  const tree = jvmRss + im.reduce((sum, st) => sum + st.rss, 0);
  series.push([(Date.now() - t0) / 1000, jvmRss / 2 ** 20, tree / 2 ** 20, im.length]);
}, 250);
const jvmBefore = procStat(jvm)?.rss ?? 0;
const { results, wallMs, truncated } = await pool(env.thumbler, paths, { concurrency: CLIENTS, maxMs: MAX_MS });
clearInterval(sampler);
watcher.stop();

const log = grepLog(process.env.THUMBLER_LOG, 'OutOfMemoryError');
const r = {
  requests: REQUESTS, done: results.length, truncated, clients: CLIENTS, files: files.length, wallMs,
  perSec: rate(results.filter((x) => x.status === 200).length, wallMs), statuses: summarize(results),
  p50: percentile(results.map((x) => x.ms), 50), p99: percentile(results.map((x) => x.ms), 99),
  jvmRssBefore: jvmBefore, jvmPeakRss: peakRss(jvm), peakTreeRss: watcher.peakTreeRss,
  peakChildren: watcher.peakChildren, convertProcesses: watcher.started('convert'),
  outOfMemoryErrors: (log.match(/OutOfMemoryError/g) ?? []).length,
  failures: [...new Set(results.filter((x) => x.status !== 200)
    .map((x) => `${x.status} ${decodeURIComponent(x.path.split('local:///')[1])}`))].slice(0, 10),
  series,
};
console.error(`  ${r.done}/${REQUESTS} requests in ${(wallMs / 1000).toFixed(0)} s, statuses ${JSON.stringify(r.statuses)}, ` +
  `peak tree RSS ${(r.peakTreeRss / 2 ** 20).toFixed(0)} MiB, JVM VmHWM ${(r.jvmPeakRss / 2 ** 20).toFixed(0)} MiB`);
save('memory', r);
