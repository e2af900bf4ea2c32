import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { makeFixtureRepo, removeFixtureRepos } from '../helpers/fixture-repo.js';
import { CLI, withoutTiming } from '../helpers/run-cli.js';

/**
 * The built CLI copied where no node_modules holds tree-sitter nor
 * web-tree-sitter: as an install where neither parser engine can load.
 * Nothing can be analysed, so the run must stop with exit 2 and one clear
 * line naming each engine's failure, never report every file as a finding or
 * print a stack. With web-tree-sitter alone (the native binding's optional
 * install failed and npm removed it), the WebAssembly engine checks the repository.
 */
const packageRoot = path.resolve(path.dirname(CLI), '..', '..');
const temps: string[] = [];
const installWithoutParser = (): string => {
  const root = mkdtempSync(path.join(tmpdir(), 'dockguard-no-parser-'));
  temps.push(root);
  mkdirSync(path.join(root, 'dist', 'bundle'), { recursive: true });
  for (const file of readdirSync(path.dirname(CLI))) copyFileSync(path.join(path.dirname(CLI), file), path.join(root, 'dist', 'bundle', file));
  copyFileSync(path.join(packageRoot, 'package.json'), path.join(root, 'package.json'));
  cpSync(path.join(packageRoot, 'data'), path.join(root, 'data'), { recursive: true });
  return root;
};
afterAll(() => {
  removeFixtureRepos();
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const expectedFailure = (): string =>
  "dockguard: cannot load the Python parser: tree-sitter: Cannot find module 'tree-sitter'; web-tree-sitter: Cannot find module 'web-tree-sitter'\n" +
  '  hint: reinstall dockguard (`npm ci` or `npm install`); its WebAssembly parser (web-tree-sitter) needs no compiler\n';

describe('a dockguard whose Python parser cannot be loaded', () => {
  it('stops with exit 2 and one line naming the cause, in the working tree and with --staged', () => {
    const install = installWithoutParser();
    const repo = makeFixtureRepo('incremental-two-services');
    for (const args of [['check'], ['check', '--staged', 'svc_a/Dockerfile']]) {
      const run = spawnSync(process.execPath, [path.join(install, 'dist', 'bundle', 'cli.js'), ...args], { cwd: repo, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
      expect({ status: run.status, stdout: run.stdout, stderr: run.stderr }, args.join(' ')).toEqual({ status: 2, stdout: '', stderr: expectedFailure() });
    }
  });

  it('rejects a batch parsed in worker threads with the same error', async () => {
    const install = installWithoutParser();
    const distPool = pathToFileURL(path.join(packageRoot, 'dist', 'python', 'parse-pool.js')).href;
    const { createParsePool } = (await import(distPool)) as typeof import('../../src/python/parse-pool.js');
    const pool = createParsePool({ workers: 2, workerScript: pathToFileURL(path.join(install, 'dist', 'bundle', 'parse-worker.js')) });
    const items = Array.from({ length: 60 }, (_, i) => ({ key: `m${i}.py`, text: `import json\nVALUE = ${i}\n` }));
    await expect(pool.parseMany(items)).rejects.toMatchObject({
      name: 'ParserUnavailableError',
      message: expect.stringContaining("tree-sitter: Cannot find module 'tree-sitter'; web-tree-sitter: Cannot find module 'web-tree-sitter'"),
    });
    await pool.close();
  });

  it('falls back to the WebAssembly engine when only web-tree-sitter is installed, with the same findings', () => {
    const install = installWithoutParser();
    mkdirSync(path.join(install, 'node_modules'));
    symlinkSync(path.join(packageRoot, 'node_modules', 'web-tree-sitter'), path.join(install, 'node_modules', 'web-tree-sitter'));
    const repo = makeFixtureRepo('incremental-two-services');
    const runWith = (cli: string) => {
      const run = spawnSync(process.execPath, [cli, 'check', '--verbose', '--no-cache'], { cwd: repo, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', DOCKGUARD_PARSER: '' } });
      return { status: run.status, stdout: withoutTiming(run.stdout), stderr: run.stderr };
    };
    const fallback = runWith(path.join(install, 'dist', 'bundle', 'cli.js'));
    const native = runWith(CLI);
    expect(fallback.stdout).toContain('files parsed with the WebAssembly build of tree-sitter (web-tree-sitter)\n');
    expect(native.stdout).toContain('files parsed with the native tree-sitter binding\n');
    const withoutEngine = (run: typeof native) => ({ ...run, stdout: run.stdout.replace(/ with the .*\n/, ' with <engine>\n') });
    expect(withoutEngine(fallback)).toEqual(withoutEngine(native));
  });

  it('DOCKGUARD_PARSER=native forbids the fallback, and a value naming no engine stops the run, each with exit 2 and a hint', () => {
    const install = installWithoutParser();
    mkdirSync(path.join(install, 'node_modules'));
    symlinkSync(path.join(packageRoot, 'node_modules', 'web-tree-sitter'), path.join(install, 'node_modules', 'web-tree-sitter'));
    const repo = makeFixtureRepo('incremental-two-services');
    const runWith = (cli: string, engine: string) => {
      const run = spawnSync(process.execPath, [cli, 'check', '--no-cache'], { cwd: repo, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', DOCKGUARD_PARSER: engine } });
      return { status: run.status, stdout: run.stdout, stderr: run.stderr };
    };
    expect(runWith(path.join(install, 'dist', 'bundle', 'cli.js'), 'native')).toEqual({
      status: 2,
      stdout: '',
      stderr:
        "dockguard: cannot load the Python parser: tree-sitter: Cannot find module 'tree-sitter'\n" +
        '  hint: unset DOCKGUARD_PARSER to fall back to the WebAssembly parser, or reinstall dockguard with a C++ compiler present\n',
    });
    expect(runWith(CLI, 'fast')).toEqual({
      status: 2,
      stdout: '',
      stderr: 'dockguard: cannot load the Python parser: DOCKGUARD_PARSER=fast names no parser engine\n  hint: use DOCKGUARD_PARSER=native, DOCKGUARD_PARSER=wasm, or leave it unset (native, falling back to wasm)\n',
    });
  });
});
