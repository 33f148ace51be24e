// Turns results/raw/*.json into results/REPORT.md and the chart tables (*.tsv) that
// Charts.java draws. Targets are the project's performance goals; each is judged on ratios from this one run.
import fs from 'node:fs';
import path from 'node:path';
import { median } from '../lib/config.mjs';
import { grepLog } from '../lib/logs.mjs';

const dir = process.argv[2] ?? new URL('../results', import.meta.url).pathname;
const raw = path.join(dir, 'raw');
const load = (name) => {
  const f = path.join(raw, `${name}.json`);
  return fs.existsSync(f) ? JSON.parse(fs.readFileSync(f, 'utf8')) : null;
};
const env = load('env') ?? {};
const cold = load('cold');
const tp = load('throughput');
const peer = load('peer');
const hits = load('hits');
const co = load('coalesce');
const mem = load('memory');
const bu = load('burst');

const f0 = (x) => (Number.isFinite(x) ? x.toFixed(0) : 'n/a');
const f1 = (x) => (Number.isFinite(x) ? x.toFixed(1) : 'n/a');
const f2 = (x) => (Number.isFinite(x) ? x.toFixed(2) : 'n/a');
const pct = (x) => (Number.isFinite(x) ? `${(x * 100).toFixed(1)}%` : 'n/a');
const mib = (b) => (Number.isFinite(b) ? `${(b / 2 ** 20).toFixed(0)} MiB` : 'n/a');
const short = (file) => file.replace(/\.[a-z]+$/i, '').split('_')[0];
const table = (head, rows) => [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`,
  ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
const verdict = (ok) => (ok === null ? 'not measured' : ok ? '**met**' : '**MISSED**');
const tsv = (name, meta, rows) => fs.writeFileSync(path.join(dir, `${name}.tsv`),
  `# ${Object.entries(meta).map(([k, v]) => `${k}=${v}`).join('\t')}\n` +
  `${rows.map((r) => r.map((c) => (c === 'n/a' ? '' : c)).join('\t')).join('\n')}\n`);
// ⚠ marks a block kept although foreign CPU stayed over 5% (its deadline ran out).
const foreign = (g) => (g ? `${pct(g.foreign)}${g.tries > 1 ? ` (${g.tries} tries)` : ''}${g.foreign > 0.05 ? ' ⚠' : ''}` : 'n/a');

for (const old of fs.readdirSync(dir).filter((f) => /\.(tsv|png)$/.test(f))) fs.rmSync(path.join(dir, old));

const targets = []; // [target, measured, met]
const sections = [];

// 1. Cold render
if (cold) {
  const big = cold.photos.filter((p) => p.width * p.height >= 10e6 && p.interlace === 'None');
  const rendered = cold.photos.filter((p) => Number.isFinite(p.ratio.vsConvert));
  const refused = cold.photos.filter((p) => !Number.isFinite(p.ratio.vsConvert)).map((p) => short(p.file));
  const worst = rendered.reduce((a, p) => (!a || p.ratio.vsConvert > a.ratio.vsConvert ? p : a), null);
  targets.push(['Cold render ≤ 1.2× raw `convert`, same arguments (every photo)',
    `worst ${f2(worst?.ratio.vsConvert)}× (${worst ? short(worst.file) : 'n/a'}); median ${f2(median(rendered.map((p) => p.ratio.vsConvert)))}×` +
    (refused.length ? `; **Thumbler failed on ${refused.join(', ')}**` : ''),
    rendered.length ? worst.ratio.vsConvert <= 1.2 && !refused.length : null]);
  targets.push(['Cold render ≤ 0.8× `vipsthumbnail` on the large (≥ 10 MP) baseline JPEG photos',
    big.length ? big.map((p) => `${short(p.file)} ${f2(p.ratio.vsVips)}×`).join(', ') : 'no such photo',
    big.length ? big.every((p) => p.ratio.vsVips <= 0.8) : null]);
  if (cold.skipped?.length) targets.push(['(cold render time budget)', `skipped: ${cold.skipped.map(short).join(', ')}`, null]);
  sections.push(`## 1. Cold render, 300×300 fit JPEG q82 (median of ${cold.rounds} interleaved rounds, ms)

Thumbler: one keep-alive client, ${env.cacheBuster === false ? 'no cache buster (this build has no cache and refuses `cb:`)' : 'a new `cb:` per request'},
so every request renders (checked from Server-Timing); time to the last byte. \`convert\`: \`/usr/bin/convert -define jpeg:size=<aspect hint> jpeg:IN[0] -auto-orient -thumbnail
300x300 -strip -quality 82\` with \`MAGICK_THREAD_LIMIT=1\`. vipsthumbnail: \`-s 300x300 -o OUT[Q=82,strip]\`.
"render" is the service's own Server-Timing render duration, so total − render is the service overhead.

${table(['photo', 'size, kind', 'convert', 'vipsthumbnail', 'Thumbler', '(render)', 'Thumbler / convert', 'Thumbler / vips', 'convert / vips', 'foreign CPU'],
    cold.photos.map((p) => [short(p.file), `${p.width}×${p.height}, ${f1(p.bytes / 2 ** 20)} MB, ${p.interlace === 'None' ? 'baseline' : 'progressive'}`,
      `${f0(p.stats.convert.median)} (${f0(p.stats.convert.min)}–${f0(p.stats.convert.max)})`,
      `${f0(p.stats.vips.median)} (${f0(p.stats.vips.min)}–${f0(p.stats.vips.max)})`,
      `${f0(p.stats.thumbler.median)} (${f0(p.stats.thumbler.min)}–${f0(p.stats.thumbler.max)})`,
      f0(p.stats.thumbler.renderMedian), f2(p.ratio.vsConvert), f2(p.ratio.vsVips), f2(p.ratio.convertVsVips), foreign(p.gate)]))}
${cold.photos.some((p) => p.stats.thumbler.failed) ? `\nFailed Thumbler requests: ${cold.photos.filter((p) => p.stats.thumbler.failed)
    .map((p) => `${short(p.file)} ${p.stats.thumbler.failed} (${p.stats.thumbler.errors.join('; ')})`).join(', ')}\n` : ''}
![cold render](cold-ms.png)
![cold render ratios](cold-ratio.png)
${cold.photos.some((p) => p.output) ? `
What each tool made of the same photo: bytes of its 300×300 JPEG, and PSNR (dB, higher is closer)
against a reference made from the whole original with ImageMagick's Lanczos filter (this
ImageMagick 6 has no SSIM metric; an output a pixel off in size is scaled to the reference first).
Shrink-on-load decoding trades a little fidelity for speed in all three tools; a Thumbler setting
that is faster but lower here would be a regression.

${table(['photo', 'convert: bytes', 'PSNR', 'vipsthumbnail: bytes', 'PSNR', 'Thumbler: bytes', 'PSNR'],
    cold.photos.filter((p) => p.output).map((p) => [short(p.file),
      ...['convert', 'vips', 'thumbler'].flatMap((t) => p.output[t]
        ? [String(p.output[t].bytes), p.output[t].psnr === null ? 'n/a' : f1(p.output[t].psnr)] : ['n/a', 'n/a'])]))}` : ''}`);
  const names = cold.photos.map((p) => short(p.file));
  tsv('cold-ms', { type: 'bar', title: 'Cold render, 300x300 JPEG: median ms (lower is better)', ylabel: 'ms' }, [
    ['tool', ...names],
    ['convert (same args)', ...cold.photos.map((p) => f0(p.stats.convert.median))],
    ['vipsthumbnail', ...cold.photos.map((p) => f0(p.stats.vips.median))],
    ['Thumbler', ...cold.photos.map((p) => f0(p.stats.thumbler.median))]]);
  tsv('cold-ratio', { type: 'bar', title: 'Thumbler cold render as a multiple of the peers (targets: 1.2x convert, 0.8x vips)', ylabel: 'ratio' }, [
    ['ratio', ...names],
    ['Thumbler / convert', ...cold.photos.map((p) => f2(p.ratio.vsConvert))],
    ['Thumbler / vipsthumbnail', ...cold.photos.map((p) => f2(p.ratio.vsVips))]]);
}

// 2. Throughput and 3. the sharp peer
const byTool = (runs, key = 'tool') => {
  const m = {};
  for (const r of runs) (m[r[key]] ??= []).push(r);
  return m;
};
let tpCeil, tpThumb, peerSharp, peerThumb, peerConvert;
if (tp) {
  const t = byTool(tp.runs);
  const convertRuns = Object.entries(t).find(([k]) => k.startsWith('convert'))[1];
  const thumbRuns = Object.entries(t).find(([k]) => k.startsWith('Thumbler'))[1];
  tpCeil = median(convertRuns.map((r) => r.perSec));
  tpThumb = median(thumbRuns.map((r) => r.perSec));
  const ratios = thumbRuns.map((r) => r.perSec / convertRuns.find((c) => c.round === r.round).perSec);
  targets.push(['Throughput ≥ 90% of the parallel raw-`convert` ceiling',
    `${pct(median(ratios))} (${f2(tpThumb)}/s against ${f2(tpCeil)}/s; rounds ${ratios.map(pct).join(', ')})`, median(ratios) >= 0.9]);
  sections.push(`## 2. Throughput: distinct cold 300×300 renders per second, both cores busy

Job list: the ${tp.photos.length} photos round-robin, ${tp.passes} passes (${tp.runs[0].jobs} jobs), no new job after
${tp.maxMs / 1000} s. Ceiling: ${tp.cores} raw \`convert\` processes at a time (same arguments as above). Thumbler:
${2 * tp.cores} keep-alive clients, default render concurrency.${tp.leftOut?.length ? ` Left out because Thumbler failed on them in
the cold measurement: ${tp.leftOut.map(short).join(', ')}.` : ''}

${table(['round', 'tool', 'ok / done', 'wall s', 'renders/s', 'p50 ms', 'p99 ms', 'statuses', 'foreign CPU'],
    tp.runs.map((r) => [r.round, r.tool, `${r.ok}/${r.done ?? r.jobs}`, f1(r.wallMs / 1000), `**${f2(r.perSec)}**`,
      f0(r.p50), f0(r.p99), r.statuses ? JSON.stringify(r.statuses) : '', foreign(r.gate)]))}`);
}
if (peer) {
  const t = byTool(peer.runs);
  peerSharp = median(t.sharp.map((r) => r.perSec));
  peerThumb = median(t.thumbler.map((r) => r.perSec));
  peerConvert = median(Object.entries(t).find(([k]) => k.startsWith('convert'))?.[1].map((r) => r.perSec) ?? []);
  targets.push([`Cold renders/s ≥ the sharp peer's (JPEG → ${peer.size}×${peer.size} JPEG, ${peer.clients} clients)`,
    `${f2(peerThumb)}/s against ${f2(peerSharp)}/s (${f2(peerThumb / peerSharp)}×); 2 raw \`convert\` at 512 px: ${f2(peerConvert)}/s`, peerThumb >= peerSharp]);
  sections.push(`## 3. Peer server: sharp ${env.sharp ?? ''} (libvips), ${peer.size}×${peer.size} fit JPEG q82, ${peer.clients} concurrent clients

Same load tool and job list (${peer.runs[0].jobs} distinct requests over the photos, no new one after ${peer.maxMs / 1000} s)
for both; sharp's operation cache is off so every request renders, its thread defaults are kept.
\`convert x2\`: two raw \`convert\` processes at a time on the same jobs (512 px shrink-on-load hint), the
ceiling of any design that renders with ImageMagick processes.${peer.leftOut?.length ? `
Left out (Thumbler failed on them): ${peer.leftOut.map(short).join(', ')}.` : ''}

${table(['round', 'server', 'ok / done', 'wall s', 'renders/s', 'p50 ms', 'p99 ms', 'median bytes', 'foreign CPU'],
    peer.runs.map((r) => [r.round, r.tool, `${r.ok}/${r.done ?? r.jobs}`, f1(r.wallMs / 1000), `**${f2(r.perSec)}**`,
      f0(r.p50), f0(r.p99), f0(r.bytesMedian), foreign(r.gate)]))}`);

}
if (tp || peer) {
  tsv('throughput', { type: 'bar', title: 'Distinct cold renders per second, 2 cores (higher is better)', ylabel: 'renders/s' }, [
    ['', ...(tp ? ['300px: convert x2', '300px: Thumbler'] : []), ...(peer ? ['512px: convert x2', '512px: sharp', '512px: Thumbler'] : [])],
    ['renders/s', ...(tp ? [f2(tpCeil), f2(tpThumb)] : []), ...(peer ? [f2(peerConvert), f2(peerSharp), f2(peerThumb)] : [])]]);
  sections.push('![throughput](throughput.png)');
}

// 4. Hit path
if (hits) {
  const t = byTool(hits.runs, 'target');
  const m = (name, k) => median((t[name] ?? []).map((r) => r[k]));
  // CPU the server under test used per request answered, µs (from /proc, jiffies over requests)
  const cpuOf = (r, role) => r.cpuUsPerRequest?.[role];
  const mCpu = (runs, role) => median((runs ?? []).map((r) => cpuOf(r, role)).filter(Number.isFinite));
  const ratio = m('thumbler', 'okRps') / m('varnish', 'okRps');
  const p99 = m('thumbler', 'p99');
  const cached = hits.check.thumblerSecond === 'hit';
  targets.push(['Hit path ≥ 50% of Varnish\'s requests/s', `${pct(ratio)} (${f0(m('thumbler', 'okRps'))} against ${f0(m('varnish', 'okRps'))} 2xx req/s)` +
    (cached ? '' : '; **no cache hit**: the repeated URL rendered again'), ratio >= 0.5]);
  targets.push(['Hit path p99 < 10 ms (wrk -t2 -c64)', `${f2(p99)} ms (worst round ${f2(Math.max(...t.thumbler.map((r) => r.p99)))} ms)`, p99 < 10]);

  // The working set: Thumbler and Varnish each rotating over the same N cached variants.
  const ws = hits.workingSet;
  const wsT = byTool(ws?.runs ?? [], 'target');
  const wsM = (name, k) => median((wsT[name] ?? []).map((r) => r[k]));
  const wsRatio = wsM('thumbler', 'okRps') / wsM('varnish', 'okRps');
  const wsP99 = wsM('thumbler', 'p99');
  const wsMeasured = Boolean(wsT.thumbler && wsT.varnish);
  const wsNotes = ws ? [
    ws.size < ws.wanted ? `**only ${ws.size} of ${ws.wanted} variants primed** (time bound)` : '',
    ws.sampleHitsBefore < ws.sample ? `**${ws.sample - ws.sampleHitsBefore} of ${ws.sample} sampled variants were not hits**` : '',
  ].filter(Boolean).join('; ') : '';
  const wsLabel = `${ws?.size ?? 500} cached variants`;
  targets.push([`Working set of ${wsLabel} (wrk -t2 -c64 rotating over them) ≥ 50% of Varnish's requests/s on the same set`,
    wsMeasured ? `${pct(wsRatio)} (${f0(wsM('thumbler', 'okRps'))} against ${f0(wsM('varnish', 'okRps'))} 2xx req/s)${wsNotes ? `; ${wsNotes}` : ''}`
      : 'not measured (no cache hit on the hot URL, or no variant primed)',
    wsMeasured ? wsRatio >= 0.5 : null]);
  targets.push([`Working set of ${wsLabel}: p99 < 10 ms`,
    wsMeasured ? `${f2(wsP99)} ms (worst round ${f2(Math.max(...wsT.thumbler.map((r) => r.p99)))} ms; Varnish ${f2(wsM('varnish', 'p99'))} ms)` : 'not measured',
    wsMeasured ? wsP99 < 10 : null]);

  // 304s: the same hot URL with If-None-Match, in the same rounds as the 200 hits.
  const nmRuns = hits.notModifiedRuns ?? [];
  const hitOfRound = (round) => (t.thumbler ?? []).find((r) => r.round === round);
  const nmRatios = nmRuns.map((r) => r.okRps / (hitOfRound(r.round)?.okRps ?? NaN)).filter(Number.isFinite);
  const nmRatio = median(nmRatios);
  targets.push(['304 answers (If-None-Match: its ETag, hot URL, wrk -t2 -c64): req/s ≥ the hits\' req/s',
    nmRuns.length ? `${f2(nmRatio)}× (${f0(median(nmRuns.map((r) => r.okRps)))} 304/s against ${f0(m('thumbler', 'okRps'))} hits/s; ` +
      `rounds ${nmRatios.map(f2).join(', ')}; ${f0(median(nmRuns.map((r) => r.bytesPerRequest)))} B/answer)`
      : `not measured: the set-up request with If-None-Match ${hits.check.etag ?? '(no ETag)'} got ${hits.check.notModifiedStatus}`,
    nmRuns.length ? nmRatio >= 1 : null]);

  // Hits while two renders run.
  const dr = hits.duringRenders;
  const drAlone = dr?.runs.find((r) => r.target === 'alone');
  const drBusy = dr?.runs.find((r) => r.target === 'renders');
  targets.push([`Hit p99 < 50 ms while two renders run (wrk -t2 -c${dr?.connections ?? 16} on the hot URL)`,
    drBusy ? `${f2(drBusy.p99)} ms (${f2(drAlone?.p99)} ms without renders); ${drBusy.rendersDuringWrk} renders completed during the run` +
      (drBusy.rendersDuringWrk ? '' : '; **no render completed**, so nothing competed with the hits') : 'not measured',
    drBusy && drBusy.rendersDuringWrk > 0 ? drBusy.p99 < 50 : null]);

  const us = (x) => (Number.isFinite(x) ? `${x.toFixed(1)} µs` : 'n/a');
  const times = (a, b) => (Number.isFinite(a / b) ? ` (${f1(a / b)}× Varnish's)` : '');
  const cpuRuns = [...hits.runs, ...nmRuns, ...(ws?.runs ?? []), ...(dr?.runs ?? [])].filter((r) => r.cpuUsPerRequest);
  const fewest = Math.min(...cpuRuns.map((r) => r.requests).filter((n) => n > 0));
  const tickUs = 1e6 / (cpuRuns[0]?.clkTck ?? 100);
  const cpuLine = cpuRuns.length ? `Server CPU per request answered (user + system time of the server's process tree during the wrk run, from
/proc, divided by the requests wrk completed; median of rounds): hot URL Thumbler ${us(mCpu(t.thumbler, 'thumbler'))}${times(mCpu(t.thumbler, 'thumbler'), mCpu(t.varnish, 'varnish'))},
Varnish ${us(mCpu(t.varnish, 'varnish'))}, nginx ${us(mCpu(t.nginx, 'nginx'))}` +
    (nmRuns.length ? `; Thumbler's 304s ${us(mCpu(nmRuns, 'thumbler'))}` : '') +
    (wsMeasured ? `; working set Thumbler ${us(mCpu(wsT.thumbler, 'thumbler'))}${times(mCpu(wsT.thumbler, 'thumbler'), mCpu(wsT.varnish, 'varnish'))}, Varnish ${us(mCpu(wsT.varnish, 'varnish'))}` : '') +
    `. /proc counts CPU in ${f0(tickUs / 1000)} ms ticks: over the ${fewest} or more requests of each run that is within ${f2(tickUs / fewest)} µs a request.` : '';

  const wsSection = ws && !ws.size ? `### Working set\n\nNot measured: none of the ${ws.wanted} variants was primed (first answers ${JSON.stringify(ws.primeCache)}).`
    : ws ? `### Working set: ${ws.size} cached variants, \`wrk -t2 -c64 -d${hits.duration}s -s measure/rotate.lua\`

${ws.size} distinct signed URLs of the ${ws.px}×${ws.px} thumbnail of ${short(ws.photo ?? hits.check.photo)} (one \`cb:\` each${ws.photo && ws.photo !== hits.check.photo ?
    `; the photo Thumbler rendered fastest in the cold measurement, so that priming stays short` : ''}),
primed ${ws.primeClients} at a time in ${f1(ws.primeMs / 1000)} s (bound ${f0(ws.primeBoundMs / 1000)} s; ${ws.size} of ${ws.wanted} made; first
answers ${JSON.stringify(ws.primeCache)}; median ${f1(ws.bodyBytesMedian / 1024)} KB${ws.distinctBodies === 1 ? ', byte-identical bodies' : `, ${ws.distinctBodies} distinct bodies`}).
Each primed body was written into nginx's root as \`ws/<i>.jpg\`, so Varnish holds the same bytes as ${ws.size} objects
(its second priming pass: ${ws.varnishSecondPassHits} hits; \`MAIN.n_object\` ${ws.varnishObjects}). wrk's Lua script takes the next path
of its list on every request: for Thumbler its ${ws.size} URLs, for Varnish \`/ws/0.jpg\` … \`/ws/${ws.size - 1}.jpg\`. A second
request of ${ws.sample} sampled variants said \`cache;desc=hit\` ${ws.sampleHitsBefore} times before the runs and ${ws.sampleHitsAfter ?? 'n/a'} times after them.
${wsNotes ? `\n${wsNotes}.\n` : ''}
${table(['round', 'server', '2xx req/s', 'p50 ms', 'p75 ms', 'p99 ms', 'server CPU µs/req', 'non-2xx', 'socket errors', 'foreign CPU'],
    ws.runs.map((r) => [r.round, r.target, `**${f0(r.okRps)}**`, f2(r.p50), f2(r.p75), f2(r.p99), f1(cpuOf(r, r.target)),
      r.non2xx, r.socketErrors, foreign(r.gate)]))}` : '### Working set\n\nNot measured: the hot URL was not a cache hit.';

  const nmSection = `### 304 answers: the hot URL with \`If-None-Match: ${hits.check.etag ?? '(no ETag)'}\`, \`wrk -t2 -c64 -d${hits.duration}s\`

Run in the same rounds as the table above. The set-up request answered ${hits.check.notModifiedStatus}${hits.check.notModifiedServerTiming ?
    ` (Server-Timing \`${hits.check.notModifiedServerTiming}\`)` : ''}. wrk counts a 304 as a success (only status ≥ 400 is
"Non-2xx or 3xx"); bytes/answer is what wrk read per request, headers included, so a 304 shows as a few hundred bytes.

${nmRuns.length ? table(['round', 'Thumbler 304/s', 'Thumbler hits/s (same round)', '304 / hit', 'p50 ms', 'p99 ms', 'bytes/answer', 'Thumbler CPU µs/req', 'non-2xx', 'foreign CPU'],
    nmRuns.map((r) => [r.round, `**${f0(r.okRps)}**`, f0(hitOfRound(r.round)?.okRps), f2(r.okRps / (hitOfRound(r.round)?.okRps ?? NaN)),
      f2(r.p50), f2(r.p99), f0(r.bytesPerRequest), f1(cpuOf(r, 'thumbler')), r.non2xx, foreign(r.gate)])) : 'Not measured.'}`;

  const drSection = dr ? `### Hits while two renders run: \`wrk -t2 -c${dr.connections} -d${dr.duration}s\` on the hot URL

Once alone, then while ${dr.clients} closed-loop clients keep asking for new cold ${dr.size}×${dr.size} variants of ${short(dr.photo)} (a new
\`cb:\` each, the next as soon as the last is answered), from a second before wrk starts until it ends. The CPU column of
the second row includes the renders' ImageMagick processes.

${table(['run', 'hits/s', 'p50 ms', 'p99 ms', 'renders completed during wrk', 'render ms (median, client)', 'render statuses', 'Thumbler CPU µs/hit', 'non-2xx', 'foreign CPU'],
    dr.runs.map((r) => [r.target === 'alone' ? 'alone' : `during ${dr.clients} renders`, `**${f0(r.okRps)}**`, f2(r.p50), `**${f2(r.p99)}**`,
      r.target === 'alone' ? '–' : r.rendersDuringWrk, r.target === 'alone' ? '–' : f0(r.renderMsMedian),
      r.renderStatuses ? JSON.stringify(r.renderStatuses) : '–', f1(cpuOf(r, 'thumbler')), r.non2xx, foreign(r.gate)]))}` :
    '### Hits while two renders run\n\nNot measured: the hot URL was not a cache hit.';

  const vBefore = hits.varnishBeforeRuns ?? {};
  const vMissesInRuns = (hits.varnishStats['MAIN.cache_miss'] ?? NaN) - (vBefore['MAIN.cache_miss'] ?? NaN);
  sections.push(`## 4. Hit path: one cached ${f1(hits.check.bytes / 1024)} KB thumbnail, \`wrk -t${hits.threads} -c${hits.connections} -d${hits.duration}s\`

The bytes are Thumbler's 300×300 thumbnail of ${short(hits.check.photo)}; Varnish (malloc storage, in front of
nginx) and nginx (a static file) serve the same bytes. wrk runs on the same 2 cores, so this is a
client-and-server-on-one-box figure: compare the ratios. Thumbler's Server-Timing on the set-up
requests: first \`${hits.check.thumblerFirst}\`, then \`${hits.check.thumblerSecond}\`. Varnish counters after the run:
${Object.entries(hits.varnishStats).map(([k, v]) => `${k} ${v}`).join(', ')}${Number.isFinite(vMissesInRuns) ? ` (misses during the timed runs: ${vMissesInRuns})` : ''}.

${cached ? '' : `**This build answered the repeated URL without a cache hit** (Server-Timing \`${hits.check.thumblerSecond}\`): Thumbler's
rows are renders, and the 503s of an overflowing render queue, not hits.\n`}
${table(['round', 'server', '2xx req/s', 'all req/s', 'p50 ms', 'p75 ms', 'p99 ms', 'server CPU µs/req', 'non-2xx', 'socket errors', 'foreign CPU'],
    hits.runs.map((r) => [r.round, r.target, `**${f0(r.okRps)}**`, f0(r.rps), f2(r.p50), f2(r.p75), f2(r.p99), f1(cpuOf(r, r.target)),
      r.non2xx, r.socketErrors, foreign(r.gate)]))}

${cpuLine}

![hit path](hits.png)
![hit latency](hits-latency.png)

${nmSection}

${wsSection}

${drSection}`);
  const cols = [
    ...['thumbler', 'varnish', 'nginx'].filter((n) => t[n]).map((n) => [n, t[n]]),
    ...(nmRuns.length ? [['thumbler 304', nmRuns]] : []),
    ...(wsMeasured ? [[`thumbler, ${ws.size} variants`, wsT.thumbler], [`varnish, ${ws.size} variants`, wsT.varnish]] : []),
  ];
  const cm = (runs, k) => median(runs.map((r) => r[k]));
  tsv('hits', { type: 'bar', title: 'Cache hits, wrk -t2 -c64: requests per second (median of rounds)', ylabel: 'req/s' }, [
    ['', ...cols.map(([n]) => n)], ['2xx/304 req/s', ...cols.map(([, r]) => f0(cm(r, 'okRps')))]]);
  tsv('hits-latency', { type: 'bar', title: 'Cache hits, wrk -t2 -c64: latency (median of rounds)', ylabel: 'ms' }, [
    ['', ...cols.map(([n]) => n)], ['p50', ...cols.map(([, r]) => f2(cm(r, 'p50')))], ['p99', ...cols.map(([, r]) => f2(cm(r, 'p99')))]]);
}

// 5. Coalescing
if (co) {
  const renders = co.trials.map((x) => x.convertProcesses);
  const misses = co.trials.map((x) => x.cacheDesc.miss ?? 0);
  targets.push([`Coalescing: ${co.requests} concurrent identical cold requests → 1 render`,
    `convert processes per trial: ${renders.join(', ')}; \`miss\` answers: ${misses.join(', ')}; p99 ${co.trials.map((x) => f0(x.p99)).join(', ')} ms`,
    renders.every((n) => n === 1)]);
  sections.push(`## 5. Coalescing: ${co.requests} concurrent identical cold requests (${short(co.photo)}, 300×300)

Renders counted as \`convert\` processes started under the JVM (a /proc watcher with a 10 ms tick) and
from the Server-Timing \`cache\` values of the answers. Connections are opened before each trial.

${table(['trial', 'convert processes', 'cache values', 'statuses', 'render ms', 'p50 ms', 'p99 ms', 'max ms', 'foreign CPU'],
    co.trials.map((x, i) => [i + 1, `**${x.convertProcesses}**`, JSON.stringify(x.cacheDesc), JSON.stringify(x.statuses),
      f0(x.renderMs), f0(x.p50), f0(x.p99), f0(x.max), foreign(x.gate)]))}`);
}

// 6. Memory
if (mem) {
  const peak = Math.max(mem.peakTreeRss, mem.jvmPeakRss ?? 0);
  targets.push(['Peak RSS (JVM + ImageMagick children) < 1 GiB, no OutOfMemoryError',
    `${mib(mem.peakTreeRss)} tree peak (JVM VmHWM ${mib(mem.jvmPeakRss)}); OutOfMemoryError in log: ${mem.outOfMemoryErrors}`,
    peak < 2 ** 30 && mem.outOfMemoryErrors === 0]);
  sections.push(`## 6. Memory: ${mem.done} of ${mem.requests} distinct requests${mem.truncated ? ' (stopped at the time bound)' : ''}

${mem.files} raster originals (SVG and the truncated HEIC left out) × 7 sizes, distinct cache busters,
${mem.clients} clients, the production launch (\`server-config/jvm.options\`, \`MALLOC_ARENA_MAX=2\`). RSS of the JVM plus its live ImageMagick children, sampled every 50 ms.

JVM RSS right after start-up (ready, before any measurement): ${mib(env.thumblerRssAtStart)}.

${table(['requests done', 'wall s', 'renders/s', 'statuses', 'p50 ms', 'p99 ms', 'JVM RSS before', 'JVM VmHWM', 'peak JVM + children', 'most children at once', 'convert processes'],
    [[mem.done, f0(mem.wallMs / 1000), f2(mem.perSec), JSON.stringify(mem.statuses), f0(mem.p50), f0(mem.p99),
      mib(mem.jvmRssBefore), mib(mem.jvmPeakRss), `**${mib(mem.peakTreeRss)}**`, mem.peakChildren, mem.convertProcesses]])}
${mem.failures.length ? `\nNon-200 answers (first distinct ones): ${mem.failures.map((x) => `\`${x}\``).join(', ')}\n` : ''}
![memory](memory.png)`);
  const step = Math.max(1, Math.ceil(mem.series.length / 600));
  tsv('memory', { type: 'line', title: 'RSS during the 1000-request run', xlabel: 'seconds', ylabel: 'MiB' }, [
    ['s', 'JVM', 'JVM + ImageMagick children', 'target (1 GiB)'],
    ...mem.series.filter((_, i) => i % step === 0).map((s) => [f1(s[0]), f0(s[1]), f0(s[2]), '1024'])]);
}

// 7. Burst
if (bu) {
  const ms = (x) => (Number.isFinite(x) ? f0(x) : 'n/a');
  targets.push([`A burst of ${bu.requests} distinct cold requests: every refusal (503) within 100 ms (p95)`,
    `503 p95 ${ms(bu.refused.p95)} ms, max ${ms(bu.refused.max)} ms (${bu.refused.n} refused, ${bu.rendered.n} rendered)`
      + (bu.liveness ? `; the same burst on \`/health/live\`: p95 ${ms(bu.liveness.p95)} ms` : ''),
    bu.refused.n > 0 && bu.refused.p95 < 100]);
  targets.push(['Readiness answers throughout the burst (every probe 200 within 1 s)',
    `${bu.probes.n} probes ${JSON.stringify(bu.probes.statuses)}, slowest ${ms(bu.probes.max)} ms`,
    bu.probes.n > 0 && (bu.probes.statuses['200'] ?? 0) === bu.probes.n && bu.probes.max < 1000]);
  sections.push(`## 7. Burst: ${bu.requests} distinct cold requests at once (${short(bu.photo)}, 300×300), one connection each

All sent at once, far more than the render slots and queue hold. Readiness (\`/health/ready\`) was probed every
100 ms on its own connection meanwhile. The burst took ${f1(bu.wallMs / 1000)} s; statuses ${JSON.stringify(bu.statuses)};
${bu.refusedWithRetryAfter} of ${bu.refused.n} refusals carried \`Retry-After\` and ${bu.refusedNoStore} \`no-store\`.

${table(['answers', 'count', 'p50 ms', 'p95 ms', 'max ms'],
    [['200 (rendered)', bu.rendered.n, ms(bu.rendered.p50), ms(bu.rendered.p95), ms(bu.rendered.max)],
      ['503 (refused)', bu.refused.n, `**${ms(bu.refused.p50)}**`, `**${ms(bu.refused.p95)}**`, ms(bu.refused.max)],
      ['readiness probes', bu.probes.n, '', ms(bu.probes.p95), `**${ms(bu.probes.max)}**`],
      ...(bu.liveness ? [[`afterwards: ${bu.liveness.n} × \`/health/live\` at once (the server's floor)`, bu.liveness.n,
        ms(bu.liveness.p50), ms(bu.liveness.p95), ms(bu.liveness.max)]] : [])])}`);
}

// What the service itself logged as errors: the first place to look when a target is missed.
const serverLog = path.join(raw, 'thumbler.log');
let logSection = '';
if (fs.existsSync(serverLog)) {
  const text = grepLog(serverLog, 'ThumblerExceptionMapper|AS-EJB-00056');
  const errors = {};
  for (const m of text.matchAll(/ThumblerExceptionMapper.*?\] (\d{3}) ([^\n]*)/g)) {
    // the public message only: the internal part after ": convert exit" / ": null" varies per request
    const k = `${m[1]} ${m[2].split(/: (?:convert exit|null)/)[0].replace(/\d+ ?s\b/g, 'N s').replace(/`/g, "'").slice(0, 120)}`;
    errors[k] = (errors[k] ?? 0) + 1;
  }
  const stackTraces = (text.match(/AS-EJB-00056/g) ?? []).length;
  const rows = Object.entries(errors).sort((a, b) => b[1] - a[1]).slice(0, 8);
  if (rows.length || stackTraces) {
    logSection = `## Errors in the service's log

${rows.length ? table(['answers', 'status and message (as logged)'], rows.map(([k, n]) => [n, `\`${k}\``])) : ''}
${stackTraces ? `\n${stackTraces} EJB system-exception warnings (\`AS-EJB-00056\`, each with a stack trace) were logged: every exception leaving an EJB such as \`RenderPool\` (422s and 503s included) is logged and wrapped by the container.` : ''}`;
  }
}

// How clean was the machine? Every gated block's foreign CPU share.
const gates = [...(cold?.photos ?? []), ...(tp?.runs ?? []), ...(peer?.runs ?? []), ...(hits?.runs ?? []), ...(hits?.notModifiedRuns ?? []),
  ...(hits?.workingSet?.runs ?? []), ...(hits?.duringRenders?.runs ?? []), ...(co?.trials ?? [])]
  .map((x) => x.gate?.foreign).filter(Number.isFinite);
const noisy = gates.length && median(gates) > 0.05;
const cleanLine = gates.length ? `Foreign CPU over the ${gates.length} gated blocks: median ${pct(median(gates))}, worst ${pct(Math.max(...gates))}.` : '';

const failed = fs.readdirSync(raw).filter((f) => f.endsWith('.failed.json')).map((f) => f.replace('.failed.json', ''));
const md = `# Thumbler benchmark

Run ${env.date ?? ''} on ${env.cpus ?? '?'} × ${env.cpuModel ?? '?'}, ${env.memGiB ?? '?'} GiB, kernel ${env.kernel ?? '?'}.
Service: \`${env.commit ?? '?'}\`${env.dirty === 'yes' ? ' (with uncommitted changes)' : ''}.
${env.imagemagick ?? ''}, ${env.vips ?? ''} (vipsthumbnail), sharp ${env.sharp ?? ''}, ${env.varnish ?? ''}, ${env.nginx ?? ''},
${env.wrk ?? ''}, node ${env.node ?? ''}, java ${env.java ?? ''}.

Everything ran in this one run, on loopback, on one shared 2-core machine: absolute numbers drift
by ±15–25% between runs, so the targets are judged on ratios measured side by side here. Each
timed block waited for an idle machine and counted *foreign* CPU (used by neither the measurement
nor the servers under test); a block with more than 5% on an idle-started machine was run once more (the light
form of a measurement gate for shared machines). The foreign share of each kept block is in the tables.
${cleanLine}
${noisy ? `
> **This run was not clean.** Other work used a median ${pct(median(gates))} of the machine while it ran, so
> every tool here ran slower and less evenly than on an idle machine. Interleaving keeps the
> ratios roughly fair, but treat the verdicts as provisional and re-run on an idle machine.
` : ''}
${env.cacheBuster === false ? `\n**This build refuses \`cb:\`** (HTTP ${env.cacheBusterProbeStatus}): the requests carry no cache buster; each measurement checks from Server-Timing that its cold requests were not cache hits.\n` : ''}${failed.length ? `\n**Measurements that failed in this run:** ${failed.join(', ')} (see raw/*.stderr).\n` : ''}
## Targets

${table(['target', 'measured', 'verdict'], targets.map(([t, m, ok]) => [t, m, verdict(ok)]))}

${sections.join('\n\n')}

${logSection}

Raw data: \`raw/*.json\`; server logs: \`raw/*.log\`; the three tools' outputs for each photo: \`raw/thumbs/\`.
`;
fs.writeFileSync(path.join(dir, 'REPORT.md'), md);
console.error(`  wrote ${path.join(dir, 'REPORT.md')}`);
