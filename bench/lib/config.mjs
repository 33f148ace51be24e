// Everything a measurement needs to know comes from the environment that bench/run sets,
// so each measurement can also be run on its own against servers started by hand.
import fs from 'node:fs';
import path from 'node:path';

const need = (name) => {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set (bench/run sets it)`);
  return v;
};

// BENCH_PIDS="thumbler=123,sharp=456": the servers under test, by role.
const pids = Object.fromEntries((process.env.BENCH_PIDS || '').split(',').filter(Boolean).map((kv) => kv.split('=')));

export const env = {
  get results() { return need('BENCH_RAW'); },
  get originals() { return need('BENCH_ORIGINALS'); },
  get thumbler() { return need('THUMBLER_URL'); },
  get sharp() { return need('SHARP_URL'); },
  get varnish() { return need('VARNISH_URL'); },
  get nginx() { return need('NGINX_URL'); },
  get key() { return need('THUMBLER_KEY'); },
  get salt() { return need('THUMBLER_SALT'); },
  pids,
  serverPids: Object.values(pids).map(Number),
  // BENCH_QUICK=1 shrinks every measurement: for developing the harness, not for numbers.
  quick: process.env.BENCH_QUICK === '1',
  // The photos of shared/corpus (JPEG, over 1 MP), largest first; bench/run writes the list.
  get photos() { return need('BENCH_PHOTOS').split(',').filter(Boolean); },
};

/** Writes one measurement's results as results/raw/<name>.json. */
export function save(name, data) {
  const file = path.join(env.results, `${name}.json`);
  fs.writeFileSync(file, JSON.stringify(data, null, 2) + '\n');
  console.error(`  wrote ${file}`);
}

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  return n === 0 ? NaN : n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
};

/** Nearest-rank percentile, p in 0..100. */
export const percentile = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] : NaN;
};
