// A gate for measuring on a shared machine: the machine is shared, so a
// measurement waits for an idle machine, counts the CPU that neither it nor the servers under
// test used ("foreign" CPU), and is redone once when foreign CPU went over 5% of the machine.
import { machineCpu, treeCpu } from './proc.mjs';
import { env } from './config.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const deadline = () => Number(process.env.BENCH_DEADLINE || Infinity);
/** True once this measurement's time budget (BENCH_DEADLINE, set by bench/run) is used up. */
export const pastDeadline = () => Date.now() > deadline();
// After one wait that ended without an idle machine, later waits are short: on a machine that
// stays busy, waiting only spends the run's time budget.
let busyStreak = 0;

/** Waits until the machine is >= `idle` idle over a 1 s window; gives up after maxWaitMs. */
export async function waitIdle({ idle = 0.92, maxWaitMs = 10_000 } = {}) {
  const started = Date.now();
  if (busyStreak > 0) maxWaitMs = Math.min(maxWaitMs, 2_000);
  for (;;) {
    const a = machineCpu();
    await sleep(1000);
    const b = machineCpu();
    const idleShare = 1 - (b.busy - a.busy) / Math.max(1, b.total - a.total);
    const waited = Date.now() - started;
    if (idleShare >= idle) { busyStreak = 0; return { waitedMs: waited, idle: idleShare, reached: true }; }
    if (waited >= maxWaitMs || pastDeadline()) { busyStreak++; return { waitedMs: waited, idle: idleShare, reached: false }; }
  }
}

/**
 * Runs fn() under the gate. The measured tree is this process (with the load tools and raw
 * commands it spawns) plus the server pids in BENCH_PIDS (with their ImageMagick children).
 * Returns fn's result with a `gate` field: foreign CPU share, tries used, idle wait.
 */
export async function gated(label, fn, { tries = 2, maxForeign = 0.05, maxWaitMs = 10_000 } = {}) {
  const roots = [process.pid, ...env.serverPids];
  let last;
  for (let attempt = 1; attempt <= tries; attempt++) {
    const idle = await waitIdle({ maxWaitMs });
    const m0 = machineCpu();
    const t0 = treeCpu(roots);
    const result = await fn();
    const t1 = treeCpu(roots);
    const m1 = machineCpu();
    const foreign = Math.max(0, (m1.busy - m0.busy) - (t1 - t0)) / Math.max(1, m1.total - m0.total);
    last = { ...result, gate: { foreign: round(foreign), tries: attempt, idleWaitMs: idle.waitedMs, idleReached: idle.reached } };
    const verdict = foreign > maxForeign ? 'noisy' : 'ok';
    console.error(`  [gate] ${label}: try ${attempt}, foreign CPU ${(foreign * 100).toFixed(1)}% (${verdict})`);
    // Re-run only after a burst on an otherwise idle machine: if it was busy before the
    // block began, a re-run would be just as noisy and only spend the time budget.
    if (foreign <= maxForeign || pastDeadline() || !idle.reached) break;
  }
  return last;
}

const round = (x) => Math.round(x * 1000) / 1000;
