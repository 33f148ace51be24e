// The "compare formats" strip: the same variant encoded as JPEG, WebP and AVIF, one request at a
// time (a render pool of one slot per core should not see three at once from one person).

import { sign, fetchVariant } from './api.js';
import { pathOf } from './options.js';
import { formatBytes } from './timing.js';

const FORMATS = [['jpg', 'JPEG'], ['webp', 'WebP'], ['avif', 'AVIF']];

/**
 * @param list      the <ul> to fill
 * @param segments  the variant's option segments
 * @param source    its source
 * @param current   {extension, bytes}: the variant already shown, reused rather than fetched again
 * @param choose    called with an extension when a person picks a format from the strip
 */
export async function compareFormats(list, segments, source, current, choose, signal) {
  const items = FORMATS.map(([ext, label]) => item(list.ownerDocument, ext, label, ext === current.extension, choose));
  list.replaceChildren(...items.map((i) => i.li));
  const sizes = {};
  for (const [index, [ext]] of FORMATS.entries()) {
    if (signal.aborted) return;
    const it = items[index];
    try {
      if (ext === current.extension) {
        sizes[ext] = current.bytes;
      } else {
        const { url } = await sign(pathOf(segments, source, ext), signal);
        const r = await fetchVariant(url, signal);
        if (!r.ok) {
          it.size.textContent = `HTTP ${r.status}`;
          it.li.title = r.message.trim();
          it.li.classList.add('failed');
          continue;
        }
        sizes[ext] = r.blob.size;
      }
      it.size.textContent = formatBytes(sizes[ext]);
      it.li.dataset.bytes = String(sizes[ext]);
      layout(items, sizes);
    } catch (e) {
      if (e.name === 'AbortError') return;
      it.size.textContent = 'failed';
      it.li.classList.add('failed');
    }
  }
  list.dataset.state = 'done';
}

function item(doc, ext, label, isCurrent, choose) {
  const li = doc.createElement('li');
  li.dataset.format = ext;
  const button = doc.createElement('button');
  button.type = 'button';
  button.className = 'compare-item' + (isCurrent ? ' current' : '');
  button.setAttribute('aria-label', `Use ${label}`);
  const name = doc.createElement('span');
  name.className = 'name';
  name.textContent = label;
  const track = doc.createElement('span');
  track.className = 'track';
  const fill = doc.createElement('span');
  fill.className = 'fill';
  track.append(fill);
  const size = doc.createElement('span');
  size.className = 'size';
  size.textContent = '…';
  button.append(name, track, size);
  button.addEventListener('click', () => choose(ext));
  li.append(button);
  return { li, fill, size, ext };
}

/** Bars relative to the largest; the smallest is marked, since that is what a person looks for. */
function layout(items, sizes) {
  const values = Object.values(sizes);
  const max = Math.max(...values);
  const min = Math.min(...values);
  for (const it of items) {
    const bytes = sizes[it.ext];
    if (bytes === undefined) continue;
    it.fill.style.setProperty('width', `${Math.max(4, (100 * bytes) / max)}%`);
    it.li.classList.toggle('smallest', values.length > 1 && bytes === min);
  }
}
