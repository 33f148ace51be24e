// The playground page: reads the controls, has the path signed, fetches the variant like an <img>
// would, and shows it with its URL, facts, Server-Timing and a format comparison. Errors from the
// server go next to the control they name.

import { sign, fetchVariant, samples, ServiceError } from './api.js';
import { optionsOf, pathOf, originalPreviewPath } from './options.js';
import { controlFor, explain } from './errors.js';
import { parseServerTiming, segmentsOf, formatBytes, formatMs } from './timing.js';
import { compareFormats } from './compare.js';

const $ = (id) => document.getElementById(id);
const form = $('controls');
const FORMAT_NAMES = { 'image/jpeg': 'JPEG', 'image/png': 'PNG', 'image/webp': 'WebP', 'image/avif': 'AVIF', 'image/gif': 'GIF' };
/** Long enough that typing "640" asks once, short enough to feel immediate. */
const DEBOUNCE_MS = 250;

let focal = null;
let timer = 0;
let running = null;
let originalRun = null;
let shownSource = null;
let resultObjectUrl = null;

function readState() {
  const v = (id) => $(id).value;
  return {
    source: v('source').trim(),
    mode: v('mode'), width: v('width'), height: v('height'), dpr: v('dpr'),
    enlarge: $('enlarge').checked, extend: $('extend').checked,
    gravity: form.elements.gravity.value, focal,
    cropWidth: v('crop-width'), cropHeight: v('crop-height'),
    rotate: v('rotate'), flipH: $('flip-h').checked, flipV: $('flip-v').checked,
    padding: v('padding'), background: $('bg-on').checked ? v('bg') : '',
    blur: v('blur'), sharpen: v('sharpen'), quality: v('quality'),
    format: form.elements.format.value, preset: v('preset'), extra: v('extra'),
  };
}

function schedule() {
  clearTimeout(timer);
  timer = setTimeout(update, DEBOUNCE_MS);
}

// ---- errors next to controls -------------------------------------------------------------

function clearErrors() {
  for (const el of document.querySelectorAll('.error')) {
    el.hidden = true;
    el.textContent = '';
  }
  for (const el of form.querySelectorAll('[aria-invalid]')) el.removeAttribute('aria-invalid');
}

function showError(status, message, segments) {
  let control = controlFor(status, message, segments);
  let box = $(`error-${control}`);
  if (!box) {
    control = 'general';
    box = $('error-general');
  }
  box.textContent = explain(status, message);
  box.hidden = false;
  box.dataset.status = String(status);
  const field = document.querySelector(`[aria-describedby~="error-${control}"]`);
  if (field) field.setAttribute('aria-invalid', 'true');
}

// ---- the variant ---------------------------------------------------------------------------

async function update() {
  running?.abort();
  const run = new AbortController();
  running = run;
  const s = readState();
  clearErrors();
  showOriginal(s.source);
  if (!s.source) {
    document.body.dataset.state = 'idle';
    return;
  }
  const { segments, extension } = optionsOf(s);
  document.body.dataset.state = 'busy';
  $('result-status').textContent = 'Rendering…';
  $('result-canvas').classList.add('busy');
  try {
    const signed = await sign(pathOf(segments, s.source, extension), run.signal);
    $('result-url').value = signed.url;
    $('copy-url').disabled = false;
    const r = await fetchVariant(signed.url, run.signal);
    showTiming(parseServerTiming(r.timing));
    if (!r.ok) {
      showError(r.status, r.message, segments);
      showFailure(r.status);
      return;
    }
    await showResult(r, signed.url);
    if (run === running) {
      const current = { extension: extension || extensionOf(r.type), bytes: r.blob.size };
      compareFormats($('compare'), segments, s.source, current, chooseFormat, run.signal);
    }
  } catch (e) {
    if (e.name === 'AbortError') return;
    if (e instanceof ServiceError) showError(e.status, e.message, segments);
    else showError(0, `The request failed: ${e.message}`, segments);
    showFailure(e.status || 0);
  } finally {
    if (run === running) {
      document.body.dataset.state = 'idle';
      $('result-canvas').classList.remove('busy');
    }
  }
}

async function showResult(r, url) {
  const img = $('result-img');
  const previous = resultObjectUrl;
  resultObjectUrl = URL.createObjectURL(r.blob);
  img.src = resultObjectUrl;
  await img.decode();
  if (previous) URL.revokeObjectURL(previous);
  img.dataset.state = 'loaded';
  img.dataset.url = url;
  $('result-canvas').classList.remove('stale');
  $('result-placeholder').hidden = true;
  $('result-status').textContent = '';
  $('result-format').textContent = FORMAT_NAMES[r.type] || r.type;
  $('result-dims').textContent = `${img.naturalWidth} × ${img.naturalHeight}`;
  $('result-bytes').textContent = formatBytes(r.blob.size);
}

function showFailure(status) {
  const img = $('result-img');
  img.dataset.state = 'error';
  // The last good variant stays in view for orientation, faded so it cannot pass for this one.
  $('result-canvas').classList.add('stale');
  $('result-status').textContent = status ? `HTTP ${status}` : 'failed';
  $('compare').replaceChildren();
  for (const id of ['result-format', 'result-dims', 'result-bytes']) $(id).textContent = '—';
}

function extensionOf(type) {
  return { 'image/jpeg': 'jpg', 'image/webp': 'webp', 'image/avif': 'avif' }[type] || '';
}

function chooseFormat(ext) {
  $(`f-${ext}`).checked = true;
  schedule();
}

// ---- Server-Timing bar ----------------------------------------------------------------------

function showTiming(timing) {
  const { total, stages } = segmentsOf(timing);
  const bar = $('timing-bar');
  const legend = $('timing-legend');
  $('result-cache').textContent = timing.cache || 'not cached';
  $('timing-total').textContent = total ? formatMs(total) : '';
  bar.replaceChildren();
  legend.replaceChildren();
  for (const { name, ms } of stages) {
    const seg = document.createElement('span');
    seg.className = `seg seg-${name}`;
    seg.style.setProperty('flex-grow', String(Math.max(ms, total / 100)));
    seg.title = `${name} ${formatMs(ms)}`;
    bar.append(seg);
    const li = document.createElement('li');
    const swatch = document.createElement('i');
    swatch.className = `seg-${name}`;
    li.append(swatch, `${name} ${formatMs(ms)}`);
    legend.append(li);
  }
  bar.setAttribute('aria-label', stages.map((s) => `${s.name} ${formatMs(s.ms)}`).join(', ') || 'No timing');
}

// ---- the original and its focal point -------------------------------------------------------

async function showOriginal(source) {
  if (source === shownSource) return;
  shownSource = source;
  originalRun?.abort();
  const run = new AbortController();
  originalRun = run;
  const img = $('original-img');
  $('original-meta').textContent = '';
  $('original-placeholder').hidden = Boolean(source);
  img.hidden = !source;
  if (!source) return;
  try {
    const { url } = await sign(originalPreviewPath(source), run.signal);
    const r = await fetchVariant(url, run.signal);
    if (!r.ok) {
      img.hidden = true;
      $('original-placeholder').hidden = false;
      $('original-placeholder').textContent = `HTTP ${r.status}`;
      return;
    }
    const previous = img.src;
    img.src = URL.createObjectURL(r.blob);
    await img.decode();
    if (previous.startsWith('blob:')) URL.revokeObjectURL(previous);
    const sample = document.querySelector(`#samples input[value="${CSS.escape(source)}"]`);
    $('original-meta').textContent = sample ? formatBytes(Number(sample.dataset.bytes)) : '';
    placeMarker();
  } catch (e) {
    if (e.name !== 'AbortError') $('original-placeholder').textContent = 'Could not load the original';
  }
}

function setFocal(x, y) {
  const round = (n) => Math.round(Math.min(1, Math.max(0, n)) * 100) / 100;
  focal = x === null ? null : { x: round(x), y: round(y) };
  if (focal) for (const r of form.elements.gravity) r.checked = false;
  else if (!form.elements.gravity.value) $('g-ce').checked = true;
  $('focal').hidden = !focal;
  $('focal-value').textContent = focal ? `${focal.x}, ${focal.y}` : '';
  placeMarker();
  schedule();
}

function placeMarker() {
  const marker = $('marker');
  const img = $('original-img');
  marker.hidden = !focal || img.hidden;
  if (marker.hidden) return;
  const canvas = $('original-canvas').getBoundingClientRect();
  const box = img.getBoundingClientRect();
  marker.style.setProperty('left', `${box.left - canvas.left + focal.x * box.width}px`);
  marker.style.setProperty('top', `${box.top - canvas.top + focal.y * box.height}px`);
}

function wireOriginal() {
  const img = $('original-img');
  img.addEventListener('click', (e) => {
    const box = img.getBoundingClientRect();
    setFocal((e.clientX - box.left) / box.width, (e.clientY - box.top) / box.height);
  });
  $('original-canvas').addEventListener('keydown', (e) => {
    const step = e.shiftKey ? 0.01 : 0.05;
    const f = focal || { x: 0.5, y: 0.5 };
    const moves = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] };
    if (moves[e.key]) {
      e.preventDefault();
      setFocal(f.x + moves[e.key][0], f.y + moves[e.key][1]);
    } else if (e.key === 'Escape' || e.key === 'Delete') {
      setFocal(null, null);
    }
  });
  $('focal-clear').addEventListener('click', () => setFocal(null, null));
  window.addEventListener('resize', placeMarker);
}

// ---- samples, outputs and wiring ------------------------------------------------------------

async function loadSamples() {
  const box = $('samples');
  let list = [];
  try {
    list = await samples();
  } catch (e) {
    showError(e.status || 0, e.message, []);
  }
  $('samples-empty').hidden = list.length > 0;
  for (const s of list) {
    const label = document.createElement('label');
    label.className = 'tile';
    label.title = s.name;
    const input = document.createElement('input');
    input.type = 'radio';
    input.name = 'sample';
    input.value = s.source;
    input.dataset.bytes = String(s.bytes);
    const img = document.createElement('img');
    img.alt = '';
    img.loading = 'lazy';
    img.src = s.thumbnail;
    // An original the server cannot render still gets a tile, with its extension in place of a picture.
    img.addEventListener('error', () => img.classList.add('broken'), { once: true });
    label.dataset.initial = s.name.slice(s.name.lastIndexOf('.') + 1).toUpperCase();
    const name = document.createElement('span');
    name.textContent = s.name;
    label.append(input, img, name);
    box.append(label);
  }
  box.addEventListener('change', (e) => {
    $('source').value = e.target.value;
    update();
  });
  const first = list.find((s) => /\.jpe?g$/i.test(s.name)) || list[0];
  if (first && !$('source').value) {
    box.querySelector(`input[value="${CSS.escape(first.source)}"]`).checked = true;
    $('source').value = first.source;
  }
}

function showOutputs() {
  const sigma = (v) => (Number(v) ? `σ ${v}` : 'off');
  $('blur-value').textContent = sigma($('blur').value);
  $('sharpen-value').textContent = sigma($('sharpen').value);
  $('quality-value').textContent = Number($('quality').value) ? $('quality').value : 'default';
  $('bg-value').textContent = $('bg-on').checked ? $('bg').value : 'none';
}

function wire() {
  form.addEventListener('input', (e) => {
    if (e.target.id === 'bg') $('bg-on').checked = true;
    if (e.target.id === 'source') {
      for (const r of form.querySelectorAll('#samples input')) r.checked = r.value === e.target.value.trim();
    }
    if (e.target.name === 'sample') return; // the radiogroup's change handler updates at once
    if (e.target.name === 'gravity' && focal) setFocal(null, null);
    showOutputs();
    schedule();
  });
  form.addEventListener('submit', (e) => e.preventDefault());
  $('reset').addEventListener('click', () => {
    const source = $('source').value;
    form.reset();
    $('source').value = source;
    for (const r of form.querySelectorAll('#samples input')) r.checked = r.value === source;
    setFocal(null, null);
    showOutputs();
  });
  $('copy-url').addEventListener('click', copyUrl);
  wireOriginal();
}

async function copyUrl() {
  const field = $('result-url');
  const button = $('copy-url');
  try {
    await navigator.clipboard.writeText(field.value);
  } catch {
    // Clipboard API needs a secure context; selecting lets the person copy by hand.
    field.select();
  }
  button.textContent = 'Copied';
  setTimeout(() => { button.textContent = 'Copy'; }, 1500);
}

wire();
showOutputs();
await loadSamples();
update();
