// Records what the numbers were measured on: tool versions, machine, the service's commit.
import os from 'node:os';
import fs from 'node:fs';
import { spawnSync } from 'node:child_process';
import { env, save } from '../lib/config.mjs';

// First match of re in a command's output (some tools print their version on stderr).
const first = (cmd, args, re = /.*/) => {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  const out = `${r.stdout ?? ''}${r.stderr ?? ''}`;
  return ((out.match(re) ?? [out])[0] ?? '').trim().split('\n')[0];
};
const checkout = process.argv[2];
save('env', {
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
