// Reading /proc: machine CPU counters, per-process CPU and RSS, and a cheap watcher of a
// process tree (to count ImageMagick children and sum their memory while a server runs).
import fs from 'node:fs';

const PAGE = 4096;

/**
 * Machine-wide CPU jiffies from the first line of /proc/stat. irq and softirq time is left out
 * of `busy`: on loopback it is mostly our own load tool's traffic, which no process is charged for.
 */
export function machineCpu() {
  const f = fs.readFileSync('/proc/stat', 'latin1').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  const [user, nice, system, idle, iowait, irq, softirq, steal] = f;
  const busy = user + nice + system + (steal || 0);
  return { busy, total: busy + idle + iowait + irq + softirq };
}

/** Parsed /proc/PID/stat, or null if the process is gone. comm may contain spaces, hence the ')' split. */
export function procStat(pid) {
  let s;
  try { s = fs.readFileSync(`/proc/${pid}/stat`, 'latin1'); } catch { return null; }
  const close = s.lastIndexOf(')');
  const comm = s.slice(s.indexOf('(') + 1, close);
  const f = s.slice(close + 2).split(' ');
  return {
    pid: Number(pid),
    comm,
    ppid: Number(f[1]),
    // own CPU plus the CPU of children already reaped: summing this over a live tree is exact
    cpu: Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]),
    rss: Number(f[21]) * PAGE,
  };
}

export function allPids() {
  return fs.readdirSync('/proc').filter((d) => d.charCodeAt(0) <= 57).map(Number).sort((a, b) => a - b);
}

/** All live processes whose ancestry includes one of roots (roots included). */
export function treeOf(roots) {
  const stats = allPids().map(procStat).filter(Boolean);
  const kids = new Map();
  for (const st of stats) {
    if (!kids.has(st.ppid)) kids.set(st.ppid, []);
    kids.get(st.ppid).push(st);
  }
  const byPid = new Map(stats.map((st) => [st.pid, st]));
  const out = new Map();
  const todo = roots.map((p) => byPid.get(Number(p))).filter(Boolean);
  while (todo.length) {
    const st = todo.pop();
    if (out.has(st.pid)) continue;
    out.set(st.pid, st);
    todo.push(...(kids.get(st.pid) ?? []));
  }
  return [...out.values()];
}

/** CPU jiffies used so far by the trees under roots (live processes + what they reaped). */
export function treeCpu(roots) {
  return treeOf(roots).reduce((sum, st) => sum + st.cpu, 0);
}

/** VmHWM (peak RSS) of one process in bytes, from /proc/PID/status. */
export function peakRss(pid) {
  try {
    const m = fs.readFileSync(`/proc/${pid}/status`, 'latin1').match(/VmHWM:\s+(\d+) kB/);
    return m ? Number(m[1]) * 1024 : null;
  } catch { return null; }
}

/**
 * Watches the descendants of one root process at a fixed interval. A full /proc scan costs
 * ~3 ms, too much at a 10 ms tick on 2 cores, so each tick only reads the stat of pids it has
 * not seen before plus the live descendants it already knows. A child is re-read on every tick
 * because it is first seen before its exec (as java/jspawnhelper) and only later as `convert`.
 * Memory: the root's RSS plus that of the descendants whose comm is in rssComms (all if null);
 * a child caught between spawn and exec shares the parent's memory and must not count twice.
 */
export class TreeWatcher {
  constructor(rootPid, intervalMs, rssComms = null) {
    this.root = Number(rootPid);
    this.rssComms = rssComms;
    this.intervalMs = intervalMs;
    this.seen = new Set(allPids()); // everything alive now is not "started during the watch"
    this.live = new Map(); // pid -> {comm}
    this.startedByComm = new Map(); // comm -> Set(pid) of descendants started during the watch
    this.peakTreeRss = 0;
    this.peakChildren = 0;
    this.samples = 0;
    for (const st of treeOf([this.root])) if (st.pid !== this.root) this.live.set(st.pid, st);
    this.preexisting = new Set(this.live.keys());
  }

  start() { this.timer = setInterval(() => this.tick(), this.intervalMs); this.tick(); return this; }
  stop() { clearInterval(this.timer); this.tick(); return this; }

  tick() {
    const descendants = new Set([this.root, ...this.live.keys()]);
    for (const pid of allPids()) {
      if (this.seen.has(pid)) continue;
      this.seen.add(pid);
      const st = procStat(pid);
      if (st && descendants.has(st.ppid)) { this.live.set(pid, st); descendants.add(pid); }
    }
    let rss = procStat(this.root)?.rss ?? 0;
    let counted = 0;
    for (const pid of [...this.live.keys()]) {
      const st = procStat(pid);
      if (!st) { this.live.delete(pid); continue; }
      if (!this.rssComms || this.rssComms.has(st.comm)) { rss += st.rss; counted++; }
      if (this.preexisting.has(pid)) continue;
      if (!this.startedByComm.has(st.comm)) this.startedByComm.set(st.comm, new Set());
      this.startedByComm.get(st.comm).add(pid);
    }
    this.samples++;
    this.peakTreeRss = Math.max(this.peakTreeRss, rss);
    this.peakChildren = Math.max(this.peakChildren, counted);
  }

  /** Distinct descendant processes seen running as `comm` (e.g. 'convert'). */
  started(comm) { return this.startedByComm.get(comm)?.size ?? 0; }
}
