// Small pieces the measurements share.

// Cache busters unique to this run: the rendition cache may keep a disk tier across restarts,
// so a value reused from an earlier run could be a hit and not the cold render we want.
const runId = process.env.BENCH_RUN_ID || Date.now().toString(36);
export function cacheBuster(prefix) {
  let n = 0;
  return () => `${prefix}${runId}x${n++}`;
}

/** The job list of a throughput run: the photos, round-robin, `passes` times over. */
export function jobList(photos, passes) {
  return Array.from({ length: passes }, () => photos).flat();
}

export const rate = (count, wallMs) => (count * 1000) / wallMs;
