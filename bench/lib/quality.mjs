// What a tool made of a photo: the bytes of its thumbnail, and its PSNR (dB, higher is closer)
// against a reference made from the whole original with ImageMagick's Lanczos filter (this
// ImageMagick 6 has no SSIM metric).
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { COMPARE, CONVERT, IM_ENV, run } from './raw.mjs';

// Not raw.mjs's imageInfo: that one caches by file name, and these files are rewritten per photo.
const size = (file) => execFileSync('/usr/bin/identify', ['-ping', '-format', '%w %h', `${file}[0]`], { encoding: 'latin1' })
  .trim().split(/\s+/).map(Number);

/**
 * @param original  the photo
 * @param samplesDir where the tools' outputs lie, as `<photo name>.<tool>.jpg`
 * @param tools     the tool names
 * @param work      a scratch folder
 * @returns {tool: {bytes, psnr}} for each output found; an output a pixel off in size (tools round
 *          the other side of the box differently) is scaled to the reference first
 */
export async function outputQuality(original, samplesDir, tools, work) {
  const name = path.parse(original).name;
  const ref = path.join(work, `${name}.ref.png`);
  await run(CONVERT, [`${original}[0]`, '-auto-orient', '-filter', 'Lanczos', '-resize', '300x300', ref], { env: IM_ENV });
  if (!fs.existsSync(ref)) return {};
  const [width, height] = size(ref);
  const result = {};
  for (const t of tools) {
    const made = path.join(samplesDir, `${name}.${t}.jpg`);
    if (!fs.existsSync(made)) continue;
    let candidate = made;
    const [w, h] = size(made);
    if (w !== width || h !== height) {
      candidate = path.join(work, `${name}.${t}.fit.png`);
      await run(CONVERT, [made, '-resize', `${width}x${height}!`, candidate], { env: IM_ENV });
    }
    // compare prints the metric on stderr and exits 1 when the images differ at all.
    const r = await run(COMPARE, ['-metric', 'PSNR', candidate, ref, 'null:'], { env: IM_ENV });
    const psnr = Number.parseFloat(r.stderr);
    result[t] = { bytes: fs.statSync(made).size, psnr: Number.isFinite(psnr) ? psnr : null };
    if (candidate !== made) fs.rmSync(candidate, { force: true });
  }
  fs.rmSync(ref, { force: true });
  return result;
}
