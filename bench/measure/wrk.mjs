// wrk as the hit-path load tool: runs it, parses its summary, and counts the CPU the servers
// used meanwhile (from /proc), so a run can say how many CPU microseconds each request cost.
import { spawn, execFileSync } from 'node:child_process';
import { treeCpu } from '../lib/proc.mjs';

// /proc counts CPU in clock ticks ("jiffies"), 100 a second on Linux unless CLK_TCK says otherwise.
let ticks = 100;
try { ticks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100; } catch { /* keep 100 */ }
export const CLK_TCK = ticks;

/**
 * Runs wrk and parses its summary; latencies in ms. `headers` are extra request headers,
 * `script` a Lua file (wrk -s) and `scriptEnv` the environment it reads (e.g. WRK_PATHS).
 */
export function wrk(url, seconds, { connections = 64, threads = 2, headers = [], script, scriptEnv = {} } = {}) {
  const args = [`-t${threads}`, `-c${connections}`, `-d${seconds}s`, '--latency'];
  for (const h of headers) args.push('-H', h);
  if (script) args.push('-s', script);
  args.push(url);
  return new Promise((resolve) => {
    const p = spawn('wrk', args, { env: { ...process.env, ...scriptEnv } });
    let text = '';
    p.stdout.on('data', (d) => { text += d; });
    p.stderr.on('data', (d) => { text += d; });
    p.on('error', (e) => { text += String(e); });
    p.on('close', () => resolve({ ...parseWrk(text), args: args.join(' ') }));
  });
}

// wrk prints two decimals of its unit: rounded to 1 µs, as 0.476 and not 0.47600000000000003
function toMs(v, unit) { return Math.round(Number(v) * ({ us: 0.001, ms: 1, s: 1000, m: 60000 }[unit] ?? NaN) * 1000) / 1000; }
// wrk prints transfer sizes in binary units (format_binary: 1024 steps).
function toBytes(v, unit) { return Number(v) * ({ B: 1, KB: 2 ** 10, MB: 2 ** 20, GB: 2 ** 30, TB: 2 ** 40 }[unit] ?? NaN); }

export function parseWrk(text) {
  const pct = (p) => { const m = text.match(new RegExp(`^\\s+${p}%\\s+([\\d.]+)(us|ms|s|m)\\s*$`, 'm')); return m ? toMs(m[1], m[2]) : NaN; };
  const num = (re) => { const m = text.match(re); return m ? Number(m[1]) : 0; };
  const sock = text.match(/Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/);
  const read = text.match(/\d+ requests in [\d.]+\w+, ([\d.]+)(B|KB|MB|GB|TB) read/);
  const rps = num(/Requests\/sec:\s+([\d.]+)/);
  const requests = num(/(\d+) requests in/);
  // wrk counts a status >= 400 here ("Non-2xx or 3xx"): a 304 is a success to it, as it is here
  const non2xx = num(/Non-2xx or 3xx responses: (\d+)/);
  const readBytes = read ? toBytes(read[1], read[2]) : NaN;
  return {
    rps, requests, non2xx,
    // wrk counts error answers (e.g. 503 when a render queue overflows) as requests too
    okRps: requests ? (rps * (requests - non2xx)) / requests : 0,
    p50: pct(50), p75: pct(75), p90: pct(90), p99: pct(99),
    socketErrors: sock ? sock.slice(1).map(Number).reduce((a, b) => a + b, 0) : 0,
    // headers and body, as wrk counted them: tells a 304 (headers only) from a 200 with a body
    bytesPerRequest: requests ? readBytes / requests : NaN,
    raw: text.trim(),
  };
}

/**
 * Runs fn() (a wrk run) and adds the CPU each server's process tree used meanwhile:
 * `cpu[role]` in jiffies (own CPU plus that of children, reaped or live), and
 * `cpuUsPerRequest[role]` = jiffies * (1e6 / CLK_TCK) / requests (µs per request answered).
 * `servers` maps a role to its root PID (Thumbler: the JVM; Varnish: varnishd's manager, whose
 * tree holds the cache child that serves; nginx: its master and workers).
 */
export async function withCpu(servers, fn) {
  const roles = Object.entries(servers).filter(([, pid]) => Number(pid) > 0);
  const before = Object.fromEntries(roles.map(([r, pid]) => [r, treeCpu([Number(pid)])]));
  const result = await fn();
  const cpu = {};
  const cpuUsPerRequest = {};
  for (const [r, pid] of roles) {
    cpu[r] = treeCpu([Number(pid)]) - before[r];
    cpuUsPerRequest[r] = result.requests ? (cpu[r] * (1e6 / CLK_TCK)) / result.requests : NaN;
  }
  return { ...result, cpu, cpuUsPerRequest, clkTck: CLK_TCK };
}
