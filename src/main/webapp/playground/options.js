// Turns the controls' state into an imgproxy processing path. Pure: no DOM, so the same state
// always gives the same path, and each option segment remembers the control that wrote it (the
// page uses that to put the server's error message next to that control).

const FORMATS = ['jpg', 'png', 'webp', 'avif', 'gif'];

/** Text of a number input, or '' when empty; never reformatted, so the server judges what was typed. */
function text(value) {
  return value === undefined || value === null ? '' : String(value).trim();
}

function isSet(value) {
  const t = text(value);
  return t !== '' && t !== '0';
}

/**
 * @param {object} s the controls' state (see readState in playground.js)
 * @returns {{segments: {option: string, control: string}[], extension: string}}
 */
export function optionsOf(s) {
  const out = [];
  const add = (option, control) => out.push({ option, control });

  if (text(s.preset)) add(`pr:${text(s.preset)}`, 'preset');
  if (s.mode !== 'fit' || isSet(s.width) || isSet(s.height)) {
    add(`rs:${s.mode}:${text(s.width) || 0}:${text(s.height) || 0}`, 'size');
  }
  if (s.dpr && s.dpr !== '1') add(`dpr:${s.dpr}`, 'dpr');
  if (s.enlarge) add('el:1', 'enlarge');
  if (s.extend) add('ex:1', 'extend');
  if (s.focal) add(`g:fp:${s.focal.x}:${s.focal.y}`, 'gravity');
  else if (s.gravity && s.gravity !== 'ce') add(`g:${s.gravity}`, 'gravity');
  if (isSet(s.cropWidth) || isSet(s.cropHeight)) {
    add(`c:${text(s.cropWidth) || 0}:${text(s.cropHeight) || 0}`, 'crop');
  }
  if (s.rotate && s.rotate !== '0') add(`rot:${s.rotate}`, 'rotate');
  if (s.flipH || s.flipV) add(`fl:${s.flipH ? 1 : 0}:${s.flipV ? 1 : 0}`, 'flip');
  if (isSet(s.padding)) add(`pd:${text(s.padding)}`, 'padding');
  if (s.background) add(`bg:${s.background.replace('#', '')}`, 'background');
  if (isSet(s.blur)) add(`bl:${s.blur}`, 'blur');
  if (isSet(s.sharpen)) add(`sh:${s.sharpen}`, 'sharpen');
  if (isSet(s.quality)) add(`q:${s.quality}`, 'quality');
  for (const extra of text(s.extra).split('/')) {
    if (extra.trim()) add(extra.trim(), 'extra');
  }
  return { segments: out, extension: FORMATS.includes(s.format) ? s.format : '' };
}

/**
 * The path after the signature: /{options}/plain/{source}[@{extension}]. The source is
 * percent-encoded whole, so its slashes and dots can never be read as path structure.
 */
export function pathOf(segments, source, extension) {
  const options = segments.map((s) => '/' + encodeOption(s.option)).join('');
  return `${options}/plain/${encodeURIComponent(source)}${extension ? '@' + extension : ''}`;
}

/** Options keep ':' as written; anything else unsafe in a path segment is escaped. */
function encodeOption(option) {
  return option.split(':').map(encodeURIComponent).join(':');
}

/** The original, scaled to fit the left pane (twice its CSS size, for high-density screens). */
export function originalPreviewPath(source) {
  return pathOf([{ option: 'rs:fit:960:960', control: 'source' }], source, 'webp');
}
