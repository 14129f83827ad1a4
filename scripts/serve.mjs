#!/usr/bin/env node
// Static file server for the article-analyzer page.
//
//   node scripts/serve.mjs            # http://127.0.0.1:8080/
//   PORT=0 node scripts/serve.mjs     # any free port
//
// Serves <repo>/www at "/" and <repo>/pkg at "/pkg/", on 127.0.0.1 only.
// No dependencies beyond Node's standard library. Prints exactly one line,
// "Serving http://127.0.0.1:<port>/", once it is listening.

import { createServer } from 'node:http';
import { stat, readFile } from 'node:fs/promises';
import { realpathSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HOST = '127.0.0.1';
const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** URL prefix → directory on disk. Longest prefix first. */
const MOUNTS = [
  { prefix: '/pkg/', dir: path.join(REPO_ROOT, 'pkg') },
  { prefix: '/', dir: path.join(REPO_ROOT, 'www') },
];

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
  '.ts': 'text/plain; charset=utf-8',
};

export function contentTypeFor(filePath) {
  return CONTENT_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

function send(res, status, body, headers = {}) {
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Cache-Control': 'no-cache',
    'X-Content-Type-Options': 'nosniff',
    ...headers,
  });
  res.end(body);
}

/**
 * Map a request path to a file inside one of the mounts, or null.
 * Rejects anything with a ".." segment, NUL bytes or backslashes, and
 * anything that resolves (also through symlinks) outside the mount.
 */
function resolveRequest(rawPath, mounts) {
  let decoded;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  if (decoded.split('/').some((seg) => seg === '..')) return null;

  const mount = mounts.find((m) => decoded === m.prefix.slice(0, -1) || decoded.startsWith(m.prefix));
  if (!mount) return null;
  let rel = decoded === mount.prefix.slice(0, -1) ? '' : decoded.slice(mount.prefix.length);
  if (rel === '' || rel.endsWith('/')) rel += 'index.html';

  const full = path.resolve(mount.dir, rel);
  if (full !== mount.dir && !full.startsWith(mount.dir + path.sep)) return null;
  return { full, mountDir: mount.dir };
}

function isInside(dir, file) {
  try {
    const realDir = realpathSync(dir);
    const realFile = realpathSync(file);
    return realFile === realDir || realFile.startsWith(realDir + path.sep);
  } catch {
    return false;
  }
}

async function handle(req, res, mounts) {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    send(res, 405, 'Method Not Allowed\n', { Allow: 'GET, HEAD' });
    return;
  }
  let pathname;
  try {
    // Only the path matters; the host part is a placeholder.
    pathname = new URL(req.url, 'http://localhost').pathname;
  } catch {
    send(res, 400, 'Bad Request\n');
    return;
  }
  // Check the raw request target too: URL parsing collapses "/a/../b".
  const rawTarget = req.url.split('?')[0];
  let rawDecoded = rawTarget;
  try {
    rawDecoded = decodeURIComponent(rawTarget);
  } catch {
    /* handled below by resolveRequest */
  }
  if (rawDecoded.split(/[/\\]/).some((seg) => seg === '..')) {
    send(res, 403, 'Forbidden\n');
    return;
  }

  const target = resolveRequest(pathname, mounts);
  if (!target) {
    send(res, 404, 'Not Found\n');
    return;
  }
  let info;
  try {
    info = await stat(target.full);
  } catch {
    send(res, 404, 'Not Found\n');
    return;
  }
  if (info.isDirectory()) {
    // "/dir" → "/dir/" so relative URLs inside it resolve correctly.
    send(res, 301, 'Moved\n', { Location: pathname.replace(/\/?$/, '/') });
    return;
  }
  if (!info.isFile() || !isInside(target.mountDir, target.full)) {
    send(res, 404, 'Not Found\n');
    return;
  }
  let body;
  try {
    body = await readFile(target.full);
  } catch {
    send(res, 404, 'Not Found\n');
    return;
  }
  res.writeHead(200, {
    'Content-Type': contentTypeFor(target.full),
    'Content-Length': body.length,
    'Cache-Control': 'no-cache',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}

/**
 * Start the server. Resolves to { server, url } once listening.
 * port 0 picks a free port; url is "http://127.0.0.1:<port>/". `root` serves that directory at
 * "/" instead of the page and its package (the package tests serve scratch projects with it).
 */
export function startServer({ port = 8080, root = null } = {}) {
  const mounts = root ? [{ prefix: '/', dir: path.resolve(root) }] : MOUNTS;
  const server = createServer((req, res) => {
    handle(req, res, mounts).catch((err) => {
      if (!res.headersSent) send(res, 500, 'Internal Server Error\n');
      else res.destroy(err);
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(Number(port), HOST, () => {
      server.off('error', reject);
      const { port: actual } = server.address();
      resolve({ server, url: `http://${HOST}:${actual}/` });
    });
  });
}

function isMain() {
  if (!process.argv[1]) return false;
  try {
    return realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isMain()) {
  const raw = process.env.PORT ?? '8080';
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`Invalid PORT: ${raw}`);
    process.exit(2);
  }
  startServer({ port })
    .then(({ server, url }) => {
      console.log(`Serving ${url}`);
      const stop = () => {
        server.close(() => process.exit(0));
        server.closeAllConnections();
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    })
    .catch((err) => {
      console.error(`Could not start server: ${err.message}`);
      process.exit(1);
    });
}
