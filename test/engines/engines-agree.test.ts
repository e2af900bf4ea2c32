import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The WebAssembly engine is a fallback, not a second opinion: on every Python
 * file of the fixtures and examples (syntax errors, Python 2, cp1252, deep
 * nesting, non-ASCII names included) it must read exactly what the native
 * binding reads: imports with their lines and guards, syntax errors, calls,
 * strings, path changes, and the names a module binds.
 */
const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const readAll = (engine: 'native' | 'wasm') => {
  const run = spawnSync(process.execPath, [path.join(repo, 'test/engines/extract-every-file.mjs'), path.join(repo, 'dist'), 'test/fixtures', 'examples'], {
    cwd: repo,
    encoding: 'utf8',
    env: { ...process.env, DOCKGUARD_PARSER: engine },
    maxBuffer: 256 * 1024 * 1024,
  });
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout) as { engine: string; read: Record<string, unknown> };
};

describe('the native and WebAssembly parser engines', () => {
  it('read every fixture and example file identically', () => {
    const native = readAll('native');
    const wasm = readAll('wasm');
    expect([native.engine, wasm.engine]).toEqual(['native', 'wasm']);
    expect(Object.keys(native.read).length).toBeGreaterThan(250);
    expect(wasm.read).toEqual(native.read);
  });
});
