// Finds the control that a Thumbler error message is about. The service names the bad part in
// every message: "option 'width' (written 'w'): width 'abc' is not a whole number", "unknown
// processing option 'c' in 'c:10:10'", "source '…' has an unsupported scheme", "original '…' not
// found". Pure: no DOM.

/** imgproxy's long option names (as the server reports them) → the page's control. */
const BY_OPTION = {
  resizing_type: 'mode', width: 'width', height: 'height', dpr: 'dpr', zoom: 'size',
  enlarge: 'enlarge', extend: 'extend', gravity: 'gravity', crop: 'crop', rotate: 'rotate',
  flip: 'flip', padding: 'padding', background: 'background', blur: 'blur', sharpen: 'sharpen',
  quality: 'quality', format: 'format', preset: 'preset',
};

/** resize and size carry several values: the word after the colon says which one was bad. */
const BY_SUBJECT = [
  [/^resizing type\b/, 'mode'], [/^width\b/, 'width'], [/^height\b/, 'height'],
  [/^enlarge\b/, 'enlarge'], [/^extend\b/, 'extend'],
];

/**
 * @param {number} status HTTP status
 * @param {string} message the plain-text body
 * @param {{option: string, control: string}[]} segments what the page sent, in order
 * @returns {string} a control name, or 'general'
 */
export function controlFor(status, message, segments) {
  const m = message.trim();
  let match = m.match(/^option '([^']+)'(?: \(written '([^']+)'\))?: (.*)$/s);
  if (match) {
    const [, name, written, problem] = match;
    if (name === 'resize' || name === 'size') {
      const hit = BY_SUBJECT.find(([re]) => re.test(problem));
      return hit ? hit[1] : 'width';
    }
    return BY_OPTION[name] || bySegment(written || name, segments) || 'extra';
  }
  match = m.match(/^unknown processing option '([^']+)'/);
  if (match) return bySegment(match[1], segments) || 'extra';
  if (/^(source|original) '/.test(m) || /names no source/.test(m)) return 'source';
  if (/^output extension/.test(m)) return 'format';
  if (/^path segment '([^']+)'/.test(m)) {
    return bySegment(m.match(/^path segment '([^':]+)/)[1], segments) || 'extra';
  }
  if (status === 404 || status === 422) return 'source';
  return 'general';
}

function bySegment(name, segments) {
  const hit = segments.find((s) => s.option.split(':')[0] === name);
  return hit ? hit.control : null;
}

/** A sentence for statuses whose body alone would not explain them. */
export function explain(status, message) {
  const m = message.trim();
  if (status === 403) return `Refused by the signature check: ${m}`;
  if (status === 503) return `The server is busy; try again in a moment. (${m})`;
  if (status >= 500) return `The server failed (${status}): ${m}`;
  return m;
}
