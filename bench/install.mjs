#!/usr/bin/env node
/**
 * Installs dockguard as a user would, from the tarball `npm pack` makes, into
 * a fresh project, then checks a small repository with the installed CLI and
 * reports which parser engine ran and how long the install took.
 *
 *   node bench/install.mjs [--setup compiler|no-compiler|ignore-scripts ...] [--json]
 *
 * Setups (all by default):
 *   compiler        npm install as is: tree-sitter's prebuilt binary needs a newer
 *                   libstdc++ than Debian 12 has, so its install script compiles it.
 *   no-compiler     PATH without cc/gcc/g++/make/python (a slim image): the native
 *                   builds fail, npm drops those optional dependencies, and the
 *                   WebAssembly engine parses.
 *   ignore-scripts  npm install --ignore-scripts: no install script runs at all.
 *
 * Needs only the npm registry (packages come through npm's own cache). Run
 * `npm run build` first: the tarball packs dist/ as it is.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { setup: { type: 'string', multiple: true }, json: { type: 'boolean', default: false } } });
const setups = values.setup ?? ['compiler', 'no-compiler', 'ignore-scripts'];

const run = (command, args, options) => {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...options });
  if (result.error) throw result.error;
  return result;
};

/** A bin folder holding everything on PATH except what builds native code: a slim image's toolset. */
const COMPILERS = /^(cc|c\+\+|cpp|gcc|g\+\+|clang|clang\+\+|make|gmake|ld|as|python[0-9.]*|node-gyp)(-[0-9.]+)?$|^x86_64-linux-gnu-|^aarch64-linux-gnu-/;
function pathWithoutCompiler(work) {
  const bin = path.join(work, 'bin');
  mkdirSync(bin);
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (dir.includes('.pyenv')) continue;
    let names = [];
    try {
      names = readdirSync(dir);
    } catch {
      continue;
    }
    for (const name of names) {
      if (COMPILERS.test(name)) continue;
      try {
        symlinkSync(path.join(dir, name), path.join(bin, name));
      } catch {
        // the first PATH entry holding a name wins, as in a shell
      }
    }
  }
  return bin;
}

function pack(work) {
  const packed = run('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', work], { cwd: repoRoot });
  if (packed.status !== 0) throw new Error(`npm pack failed: ${packed.stderr}`);
  return path.join(work, packed.stdout.trim().split('\n').pop());
}

function installAndCheck(setup, tarball, work) {
  const project = path.join(work, setup);
  mkdirSync(project);
  writeFileSync(path.join(project, 'package.json'), `${JSON.stringify({ name: `install-${setup}`, version: '1.0.0', private: true }, null, 2)}\n`);
  // npm_* variables of a surrounding `npm run` must not leak into the install under test.
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('npm_')));
  if (setup === 'no-compiler') Object.assign(env, { PATH: pathWithoutCompiler(project), CC: 'false', CXX: 'false' });
  const args = ['install', '--no-audit', '--no-fund', '--loglevel=error', ...(setup === 'ignore-scripts' ? ['--ignore-scripts'] : []), tarball];
  const started = performance.now();
  const install = run('npm', args, { cwd: project, env });
  const seconds = (performance.now() - started) / 1000;
  const repo = path.join(project, 'repo');
  cpSync(path.join(repoRoot, 'test', 'fixtures', 'incremental-two-services'), repo, { recursive: true });
  run('git', ['init', '-q'], { cwd: repo });
  run('git', ['add', '-A'], { cwd: repo });
  const cli = path.join(project, 'node_modules', 'dockguard', 'dist', 'bundle', 'cli.js');
  const check = install.status === 0 ? run(process.execPath, [cli, 'check', '--format', 'json', '--no-cache'], { cwd: repo, env: { ...env, DOCKGUARD_PARSER: '' } }) : undefined;
  const summary = check?.stdout ? JSON.parse(check.stdout).summary : undefined;
  return {
    setup,
    installExit: install.status,
    installSeconds: Number(seconds.toFixed(1)),
    installErrors: install.stderr.trim().split('\n').slice(-5).join('\n'),
    nativeInstalled: readdirSafe(path.join(project, 'node_modules')).includes('tree-sitter'),
    checkExit: check?.status,
    parser: summary?.parser,
    findings: summary ? `${summary.errors} errors, ${summary.warnings} warnings, ${summary.filesParsed} files parsed` : check?.stderr.trim(),
  };
}

const readdirSafe = (dir) => {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
};

const work = mkdtempSync(path.join(tmpdir(), 'dockguard-install-'));
try {
  const tarball = pack(work);
  const results = setups.map((setup) => installAndCheck(setup, tarball, work));
  if (values.json) process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
  else
    for (const r of results)
      console.log(
        `${r.setup.padEnd(15)} install exit ${r.installExit} in ${r.installSeconds}s · native binding ${r.nativeInstalled ? 'installed' : 'absent'} · check exit ${r.checkExit} with parser ${r.parser} · ${r.findings}${r.installExit === 0 ? '' : `\n${r.installErrors}`}`,
      );
} finally {
  rmSync(work, { recursive: true, force: true });
}
