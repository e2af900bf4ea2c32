import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { makeFixtureRepo, removeFixtureRepos } from '../helpers/fixture-repo.js';
import { CLI } from '../helpers/run-cli.js';

/**
 * The built CLI copied where no node_modules holds tree-sitter: as an install
 * whose native parser failed to build or load. Nothing can be analysed, so
 * the run must stop with exit 2 and one clear line, never report every file
 * as a finding or print a stack.
 */
const packageRoot = path.resolve(path.dirname(CLI), '..', '..');
const temps: string[] = [];
const installWithoutParser = (): string => {
  const root = mkdtempSync(path.join(tmpdir(), 'dockguard-no-parser-'));
  temps.push(root);
  mkdirSync(path.join(root, 'dist', 'bundle'), { recursive: true });
  for (const file of ['cli.js', 'parse-worker.js']) copyFileSync(path.join(path.dirname(CLI), file), path.join(root, 'dist', 'bundle', file));
  copyFileSync(path.join(packageRoot, 'package.json'), path.join(root, 'package.json'));
  cpSync(path.join(packageRoot, 'data'), path.join(root, 'data'), { recursive: true });
  return root;
};
afterAll(() => {
  removeFixtureRepos();
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const EXPECTED =
  "dockguard: cannot load the Python parser (tree-sitter): Cannot find module 'tree-sitter'\n" +
  '  hint: reinstall dockguard (`npm ci` or `npm install`); tree-sitter is compiled on install and needs a C++ compiler\n';

describe('a dockguard whose Python parser cannot be loaded', () => {
  it('stops with exit 2 and one line naming the cause, in the working tree and with --staged', () => {
    const install = installWithoutParser();
    const repo = makeFixtureRepo('incremental-two-services');
    for (const args of [['check'], ['check', '--staged', 'svc_a/Dockerfile']]) {
      const run = spawnSync(process.execPath, [path.join(install, 'dist', 'bundle', 'cli.js'), ...args], { cwd: repo, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
      expect({ status: run.status, stdout: run.stdout, stderr: run.stderr }, args.join(' ')).toEqual({ status: 2, stdout: '', stderr: EXPECTED });
    }
  });

  it('rejects a batch parsed in worker threads with the same error', async () => {
    const install = installWithoutParser();
    const distPool = pathToFileURL(path.join(packageRoot, 'dist', 'python', 'parse-pool.js')).href;
    const { createParsePool } = (await import(distPool)) as typeof import('../../src/python/parse-pool.js');
    const pool = createParsePool({ workers: 2, workerScript: pathToFileURL(path.join(install, 'dist', 'bundle', 'parse-worker.js')) });
    const items = Array.from({ length: 60 }, (_, i) => ({ key: `m${i}.py`, text: `import json\nVALUE = ${i}\n` }));
    await expect(pool.parseMany(items)).rejects.toMatchObject({ name: 'ParserUnavailableError', message: expect.stringContaining("Cannot find module 'tree-sitter'") });
    await pool.close();
  });
});
