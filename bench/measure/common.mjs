// Small pieces the measurements share.
import fs from 'node:fs';
import path from 'node:path';

// Cache busters unique to this run: the rendition cache may keep a disk tier across restarts,
// so a value reused from an earlier run could be a hit and not the cold render we want.
const runId = process.env.BENCH_RUN_ID || Date.now().toString(36);
// env.mjs records whether the build under test knows `cb:`; without it none is sent.
export function cacheBuster(prefix) {
  if (!cacheBusterSupported()) return () => undefined;
  let n = 0;
  return () => `${prefix}${runId}x${n++}`;
}

function cacheBusterSupported() {
  const f = path.join(process.env.BENCH_RAW ?? '', 'env.json');
  return !fs.existsSync(f) || JSON.parse(fs.readFileSync(f, 'utf8')).cacheBuster !== false;
}

/**
 * The photos Thumbler rendered in the cold measurement. A photo it refused (e.g. a 422) would
 * turn into fast error answers and inflate its renders per second, so the throughput runs
 * leave it out, and the report names it.
 */
export function renderablePhotos(photos) {
  const f = path.join(process.env.BENCH_RAW ?? '', 'cold.json');
  if (!fs.existsSync(f)) return { photos, leftOut: [] };
  const failed = new Set(JSON.parse(fs.readFileSync(f, 'utf8')).photos
    .filter((p) => p.stats.thumbler.n === 0).map((p) => p.file));
  return { photos: photos.filter((p) => !failed.has(p)), leftOut: [...failed] };
}

/** The job list of a throughput run: the photos, round-robin, `passes` times over. */
export function jobList(photos, passes) {
  return Array.from({ length: passes }, () => photos).flat();
}

export const rate = (count, wallMs) => (count * 1000) / wallMs;
