// The page's two conversations with the server: have a path signed, and fetch a variant the way
// an <img> would (same Accept header), keeping the status, headers and bytes for display.

/** What <img> sends in Chromium and Firefox, so format negotiation answers as it would for a page. */
export const IMAGE_ACCEPT = 'image/avif,image/webp,image/apng,image/svg+xml,image/*,*/*;q=0.8';

/** A failed request: the status and the server's plain-text message. */
export class ServiceError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

/** @returns {Promise<{signature: string, url: string}>} url is absolute on this origin */
export async function sign(path, signal) {
  const res = await fetch('api/sign', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ path }),
    signal,
  });
  if (!res.ok) throw new ServiceError(res.status, await res.text());
  const answer = await res.json();
  return { signature: answer.signature, url: new URL(answer.url, location.origin).href };
}

/** @returns {Promise<{ok: boolean, status: number, blob?: Blob, message?: string, type: string, timing: string}>} */
export async function fetchVariant(url, signal) {
  const res = await fetch(url, { headers: { Accept: IMAGE_ACCEPT }, signal, cache: 'no-store' });
  const common = {
    ok: res.ok,
    status: res.status,
    type: (res.headers.get('Content-Type') || '').split(';')[0],
    timing: res.headers.get('Server-Timing') || '',
  };
  return res.ok ? { ...common, blob: await res.blob() } : { ...common, message: await res.text() };
}

/** @returns {Promise<{name: string, source: string, bytes: number, thumbnail: string}[]>} */
export async function samples() {
  const res = await fetch('api/samples', { headers: { Accept: 'application/json' } });
  if (!res.ok) throw new ServiceError(res.status, await res.text());
  return (await res.json()).samples;
}
