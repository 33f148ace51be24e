// node --test deploy/cloudfront/   (Node's built-in test runner; no dependencies)
// Loads the CloudFront Function as CloudFront does, as a plain script, and calls its handler.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import vm from 'node:vm';

const code = readFileSync(new URL('./normalize-accept.js', import.meta.url), 'utf8');
const context = vm.createContext({});
vm.runInContext(code, context);

function run(uri, accept) {
    const headers = accept === undefined ? {} : { accept: { value: accept } };
    return context.handler({ request: { method: 'GET', uri, querystring: {}, headers, cookies: {} } });
}

const AVIF = 'image/avif,image/webp,*/*';
const WEBP = 'image/webp,*/*';
const OTHER = '*/*';

// Accept headers that real browsers send for <img> requests, and what curl sends.
const table = [
    ['Chrome 120 / Edge 120', 'image/avif,image/webp,image/apng,image/svg+xml,image/*,*/*;q=0.8', AVIF],
    ['Chrome 120 navigation', 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,image/apng,*/*;q=0.8,application/signed-exchange;v=b3;q=0.7', AVIF],
    ['Firefox 121', 'image/avif,image/webp,*/*', AVIF],
    ['Firefox 90 (WebP, no AVIF)', 'image/webp,*/*', WEBP],
    ['Safari 17', 'image/webp,image/avif,image/jxl,image/heic,image/heic-sequence,video/*;q=0.8,image/png,image/svg+xml,image/*;q=0.8,*/*;q=0.5', AVIF],
    ['Safari 14 (WebP only)', 'image/webp,image/png,image/svg+xml,image/*;q=0.8,video/*;q=0.8,*/*;q=0.5', WEBP],
    ['Safari 13', 'image/png,image/svg+xml,image/*;q=0.8,video/*;q=0.8,*/*;q=0.5', OTHER],
    ['Chrome 85 (WebP, no AVIF)', 'image/webp,image/apng,image/*,*/*;q=0.8', WEBP],
    ['curl', '*/*', OTHER],
    ['no header', undefined, OTHER],
    ['AVIF refused with q=0', 'image/avif;q=0,image/webp,*/*', WEBP],
    ['upper case and spaces', 'Image/AVIF ; q=0.9 , */*', AVIF],
];

for (const [who, accept, expected] of table) {
    test(`${who} → ${expected}`, () => {
        assert.equal(run('/sig/w:300/plain/s3%3A%2F%2Fb%2Fk.jpg', accept).headers.accept.value, expected);
    });
}

test('two browsers that both take AVIF share one cache key value', () => {
    const chrome = run('/x', table[0][1]).headers.accept.value;
    const safari = run('/x', table[4][1]).headers.accept.value;
    assert.equal(chrome, safari);
});

test('every output is one of exactly three values', () => {
    const outputs = new Set(table.map(([, accept]) => run('/x', accept).headers.accept.value));
    assert.deepEqual([...outputs].sort(), [OTHER, AVIF, WEBP].sort());
});

test('the request otherwise passes unchanged', () => {
    const r = run('/sig/rs:fit:300:300/plain/local%3A%2F%2F%2Fa.jpg@webp', 'image/webp');
    assert.equal(r.uri, '/sig/rs:fit:300:300/plain/local%3A%2F%2F%2Fa.jpg@webp');
    assert.equal(r.method, 'GET');
});

test("Payara's health and metrics endpoints are not public", () => {
    for (const uri of ['/health', '/health/ready', '/metrics', '/openapi/']) {
        assert.equal(run(uri, '*/*').statusCode, 404, uri);
    }
    assert.equal(run('/healthy/w:1/plain/x', '*/*').statusCode, undefined);
});

test('a malformed percent-escape is answered 400 at the edge, not passed to Payara', () => {
    for (const uri of ['/%zz', '/sig/w:300/plain/local:%2F%2F%2Fa.jpg%', '/a%2', '/a%g0/b']) {
        const answer = run(uri, '*/*');
        assert.equal(answer.statusCode, 400, uri);
        assert.equal(answer.headers['cache-control'].value, 'public, max-age=300', 'as Thumbler caches its own 400s');
    }
    for (const uri of ['/sig/w:300/plain/s3%3A%2F%2Fb%2Fk.jpg', '/sig/plain/local:%2f%2f%2fa%20b.jpg', '/no-escape']) {
        assert.equal(run(uri, '*/*').uri, uri, uri);
    }
});
