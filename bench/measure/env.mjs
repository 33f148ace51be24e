// Records what the numbers were measured on: tool versions, machine, the service's commit.
import os from 'node:os';
import fs from 'node:fs';
import { spawnSync } from 'node:child_process';
import { env, save } from '../lib/config.mjs';
import { get } from '../lib/http.mjs';
import { procStat } from '../lib/proc.mjs';
import { thumbPath } from '../lib/sign.mjs';

// First match of re in a command's output (some tools print their version on stderr).
const first = (cmd, args, re = /.*/) => {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  const out = `${r.stdout ?? ''}${r.stderr ?? ''}`;
  return ((out.match(re) ?? [out])[0] ?? '').trim().split('\n')[0];
};
const checkout = process.argv[2];

// Does this build know `cb:` (cachebuster)? Without it the measurements send no cache buster:
// every request must then still be a render, which each measurement checks on its own.
const probe = await get(env.thumbler, thumbPath({ key: env.key, salt: env.salt, file: env.photos.at(-1), w: 16, h: 16, cb: 'probe' }));
const cacheBuster = probe.status === 200;
if (!cacheBuster) console.error(`  Thumbler refused cb: (${probe.status}); measurements run without cache busters`);

save('env', {
  cacheBuster, cacheBusterProbeStatus: probe.status,
  thumblerRssAtStart: procStat(Number(env.pids.thumbler))?.rss,
  date: new Date().toISOString(),
  cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, memGiB: Math.round(os.totalmem() / 2 ** 30), kernel: os.release(),
  commit: first('git', ['-C', checkout, 'log', '-1', '--format=%h %s']),
  dirty: first('git', ['-C', checkout, 'status', '--porcelain', '--untracked-files=no']) !== '' ? 'yes' : 'no',
  imagemagick: first('/usr/bin/convert', ['-version'], /ImageMagick [^ ]+/),
  vips: first('vipsthumbnail', ['--vips-version']),
  sharp: JSON.parse(fs.readFileSync(new URL('../peers/sharp/node_modules/sharp/package.json', import.meta.url))).version,
  varnish: first('varnishd', ['-V'], /varnish-[^ ]+/),
  nginx: first('nginx', ['-v'], /nginx\/[^ ]+/),
  wrk: first('wrk', ['-v'], /wrk [^ ]+/),
  node: process.version,
  java: first('java', ['-version'], /version "[^"]+"/),
  photos: env.photos,
  pids: env.pids,
});
