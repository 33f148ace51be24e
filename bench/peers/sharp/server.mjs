// The sharp peer: the smallest HTTP thumbnail server built on sharp (libvips), the engine of
// the AWS Serverless Image Handler. It does the same job as Thumbler's `rs:fit:W:H/q:Q`:
// auto-orient, fit inside WxH without enlarging, strip metadata, JPEG at quality Q.
//
//   GET /thumb?src=<file under ROOT>&w=512&h=512&q=82[&n=<anything, ignored>]
//
// Env: PORT (required), ROOT (required, folder of originals). Listens on 127.0.0.1 only.
import http from 'node:http';
import path from 'node:path';
import sharp from 'sharp';

const port = Number(process.env.PORT);
const root = path.resolve(process.env.ROOT ?? '');
if (!port || !process.env.ROOT) {
  console.error('usage: PORT=... ROOT=/abs/originals node server.mjs');
  process.exit(2);
}

// libvips' operation cache would turn a repeated source into a near-free render; the benchmark
// compares cold renders, so it is off. sharp's thread defaults (one libvips thread per core,
// libuv pool of 4) are kept, as a user of the AWS handler would have them.
sharp.cache(false);

function badRequest(res, message) {
  res.writeHead(400, { 'content-type': 'text/plain' });
  res.end(message + '\n');
}

const server = http.createServer(async (req, res) => {
  const url = new URL(req.url, 'http://peer');
  if (url.pathname === '/health') {
    res.writeHead(200, { 'content-type': 'text/plain' });
    return res.end('ok\n');
  }
  if (url.pathname !== '/thumb') return badRequest(res, 'unknown path');
  const w = Number(url.searchParams.get('w') ?? 300);
  const h = Number(url.searchParams.get('h') ?? 300);
  const q = Number(url.searchParams.get('q') ?? 82);
  const file = path.resolve(root, url.searchParams.get('src') ?? '');
  if (!file.startsWith(root + path.sep)) return badRequest(res, 'src outside root');

  const started = process.hrtime.bigint();
  try {
    const body = await sharp(file)
      .rotate() // auto-orient from EXIF, like -auto-orient
      .resize(w, h, { fit: 'inside', withoutEnlargement: true })
      .jpeg({ quality: q })
      .toBuffer();
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    res.writeHead(200, {
      'content-type': 'image/jpeg',
      'content-length': body.length,
      'server-timing': `render;dur=${ms.toFixed(1)}`,
    });
    res.end(body);
  } catch (err) {
    res.writeHead(500, { 'content-type': 'text/plain' });
    res.end(String(err) + '\n');
  }
});

server.keepAliveTimeout = 60_000;
server.listen(port, '127.0.0.1', () => console.log(`sharp peer on 127.0.0.1:${port}, root ${root}`));
for (const sig of ['SIGTERM', 'SIGINT']) process.on(sig, () => server.close(() => process.exit(0)));
