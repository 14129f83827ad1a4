// What the package tests share: the packed tarball, scratch projects that install it the way a
// user does (npm install of the .tgz, offline: the package has no dependencies), and a server.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export { startServer } from '../../scripts/serve.mjs';

export const REPO = fileURLToPath(new URL('../../', import.meta.url));
export const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));
const PKG = path.join(REPO, 'pkg');

const scratchDirs = [];

/** A new empty directory under the system's temporary directory, removed by `cleanUp`. */
export function scratch(prefix = 'article-analyzer-') {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  scratchDirs.push(dir);
  return dir;
}

export function cleanUp() {
  for (const dir of scratchDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

const npm = (args, cwd) =>
  execFileSync('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], { cwd, encoding: 'utf8' });

/** `npm pack` of the built package (pkg/): the path of the .tgz and npm's list of its files. */
export function pack() {
  if (!existsSync(path.join(PKG, 'package.json'))) throw new Error('pkg/ is not built: run `npm run build` first');
  const dir = scratch('article-analyzer-pack-');
  const [info] = JSON.parse(npm(['pack', PKG, '--pack-destination', dir, '--json'], REPO));
  return { tarball: path.join(dir, info.filename), files: info.files.map((f) => f.path).sort(), size: info.size };
}

/**
 * A scratch project: the files of `fixtures/<fixture>` (if given), a package.json, and the
 * tarball installed from disk with `npm install --offline` (no registry is asked for anything).
 */
export function project(tarball, fixture = null) {
  const dir = scratch('article-analyzer-project-');
  if (fixture) cpSync(path.join(FIXTURES, fixture), dir, { recursive: true });
  if (!existsSync(path.join(dir, 'package.json'))) {
    writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'scratch', private: true, type: 'module' }));
  }
  npm(['install', '--offline', '--no-package-lock', tarball], dir);
  if (!readdirSync(path.join(dir, 'node_modules')).includes('article-analyzer')) {
    throw new Error('the tarball did not install');
  }
  return dir;
}
