// Reading the service's log. With the access log on (the default) a benchmark run writes one line
// per request, millions of them and over a gigabyte: too large for one string. grep picks out the
// few lines a measurement needs.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

/** The lines of `file` that match the extended regular expression `pattern`, as one string ('' if none or no file). */
export function grepLog(file, pattern) {
  if (!file || !fs.existsSync(file)) return '';
  const r = spawnSync('grep', ['-a', '-E', pattern, file], { encoding: 'latin1', maxBuffer: 256 * 2 ** 20 });
  return r.status === 0 ? r.stdout : '';
}
