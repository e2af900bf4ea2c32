import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM script without type declarations
import { generateMonorepo, manifestPathFor } from '../lib/generate.mjs';
import { expectedFindings, runAstScript } from './helpers.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'dockguard-bench-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();
const pyFiles = (repo: string) => git(repo, 'ls-files', '*.py').split('\n');

describe('a small generated monorepo', () => {
  const out = path.join(scratch, 'small');
  let manifest: { pythonFiles: number; planted: Array<{ dockerfile: string; missingLib: string; service: string }> };
  beforeAll(() => {
    manifest = generateMonorepo({ files: 400, services: 6, seed: 7, out });
  });

  it('is a committed git repository with exactly the requested number of Python files', () => {
    expect(git(out, 'status', '--porcelain')).toBe('');
    expect(pyFiles(out)).toHaveLength(400);
    expect(manifest.pythonFiles).toBe(400);
    expect(git(out, 'ls-files', 'services/*/Dockerfile').split('\n')).toHaveLength(6);
  });

  it('is valid Python: the ast yardstick parses every file', () => {
    expect(runAstScript(out)).toMatch(/^files 400 imports \d+ errors 0\n$/);
  });

  it('has modules of 150–450 lines (packages’ __init__.py excepted)', () => {
    const sizes = pyFiles(out)
      .filter((f) => !f.endsWith('__init__.py'))
      .map((f) => readFileSync(path.join(out, f), 'utf8').split('\n').length);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(150);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(450);
  });

  it('has exactly the planted bugs: the answer key flags only the planted services, only for the missing library', () => {
    const services = expectedFindings(out);
    expect(manifest.planted).toHaveLength(1);
    const planted = new Map(manifest.planted.map((p) => [p.dockerfile, p.missingLib]));
    for (const service of services) {
      expect(service.missing_distributions).toEqual([]);
      const lib = planted.get(service.dockerfile);
      if (lib === undefined) expect(service.missing).toEqual([]);
      else {
        expect(service.missing.length).toBeGreaterThan(0);
        expect(new Set(service.missing.map((m) => m.module.split('.')[0]))).toEqual(new Set([lib]));
      }
    }
  });

  it('reaches every module of a service from its entrypoint', () => {
    for (const service of expectedFindings(out)) {
      const name = service.dockerfile.split('/')[1];
      const own = pyFiles(out).filter((f) => f.startsWith(`services/${name}/${name}/`)).length;
      expect(service.modules).toBeGreaterThanOrEqual(own);
    }
  });
});

describe('the generator', () => {
  it('is deterministic: the same seed gives the same tree, another seed a different one', () => {
    const tree = (name: string, seed: number) => {
      const out = path.join(scratch, name);
      generateMonorepo({ files: 120, services: 3, seed, out });
      return git(out, 'rev-parse', 'HEAD^{tree}');
    };
    expect(tree('a', 11)).toBe(tree('b', 11));
    expect(tree('c', 12)).not.toBe(tree('a', 11));
  });

  it('writes 3,000 files for 30 services with a handful of planted bugs', () => {
    const manifest = generateMonorepo({ files: 3000, services: 30, seed: 1729, out: path.join(scratch, 'full') });
    expect(manifest.pythonFiles).toBe(3000);
    expect(manifest.planted.length).toBeGreaterThanOrEqual(3);
    expect(manifest.planted.length).toBeLessThanOrEqual(5);
  });

  it('without planting writes the same files with every image complete', () => {
    generateMonorepo({ files: 400, services: 6, seed: 7, out: path.join(scratch, 'planted') });
    const clean = generateMonorepo({ files: 400, services: 6, seed: 7, out: path.join(scratch, 'clean'), plant: false });
    expect(clean.planted).toEqual([]);
    for (const service of expectedFindings(path.join(scratch, 'clean'))) expect(service.missing).toEqual([]);
    const files = (name: string) => git(path.join(scratch, name), 'ls-files').split('\n');
    expect(files('clean')).toEqual(files('planted'));
  });

  it('refuses to delete a directory it did not make', () => {
    const out = path.join(scratch, 'precious');
    mkdirSync(out);
    writeFileSync(path.join(out, 'notes.txt'), 'keep me');
    expect(() => generateMonorepo({ files: 120, services: 3, seed: 1, out })).toThrow(/not made by this generator/);
    expect(readFileSync(path.join(out, 'notes.txt'), 'utf8')).toBe('keep me');
    expect(() => manifestPathFor(out)).not.toThrow();
  });

  it('rejects a file budget too small for the services', () => {
    expect(() => generateMonorepo({ files: 10, services: 6, seed: 1, out: path.join(scratch, 'tiny') })).toThrow(/too small/);
  });
});
