// Reads Thumbler's Server-Timing header: "fetch;dur=12.3, render;dur=80.1, total;dur=95.0,
// cache;desc=miss". Pure: no DOM.

/** @returns {{metrics: Record<string, number>, cache: string|null}} */
export function parseServerTiming(header) {
  const metrics = {};
  let cache = null;
  for (const part of (header || '').split(',')) {
    const [name, ...params] = part.trim().split(';').map((p) => p.trim());
    if (!name) continue;
    for (const p of params) {
      const [k, v] = p.split('=');
      if (k === 'dur' && !Number.isNaN(Number(v))) metrics[name] = Number(v);
      if (k === 'desc' && name === 'cache') cache = (v || '').replace(/"/g, '');
    }
  }
  return { metrics, cache };
}

/**
 * The bar's segments: each named stage, then whatever of the total they leave (JAX-RS, I/O,
 * caching), so the segments always add up to the total.
 */
export function segmentsOf({ metrics }) {
  const total = metrics.total ?? Object.values(metrics).reduce((a, b) => a + b, 0);
  const stages = Object.entries(metrics).filter(([k]) => k !== 'total').map(([name, ms]) => ({ name, ms }));
  const named = stages.reduce((a, s) => a + s.ms, 0);
  if (total - named > 0.05) stages.push({ name: 'other', ms: total - named });
  return { total, stages };
}

export function formatBytes(n) {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(n < 10240 ? 1 : 0)} KB`;
  return `${(n / 1024 / 1024).toFixed(2)} MB`;
}

export function formatMs(ms) {
  return ms >= 100 ? `${Math.round(ms)} ms` : `${ms.toFixed(1)} ms`;
}
