import { lstatSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadFixSources, writeFixes } from '../../src/fix/apply-fixes.js';
import { planFixes } from '../../src/fix/plan-fixes.js';
import type { Finding } from '../../src/types.js';
import { git } from '../helpers/fixture-repo.js';

/** Reading and writing the files of a fix on a real disk and repository: symbolic links. */

const temps: string[] = [];
afterAll(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const tempDir = (name: string) => {
  const dir = realpathSync(mkdtempSync(path.join(tmpdir(), `dockguard-${name}-`)));
  temps.push(dir);
  return dir;
};
const missingYaml = (file: string): Finding => ({
  code: 'DG101', rule: 'missing-package', severity: 'error', evidence: 'proven', service: 'services/api/Dockerfile', file: 'services/api/app.py', line: 2,
  message: 'module yaml is imported but no install provides pyyaml', fix: { file, line: 1, text: 'pyyaml', description: 'add it' },
});

function repoWithLink(target: (root: string) => string): string {
  const root = tempDir('links');
  mkdirSync(path.join(root, 'services/api'), { recursive: true });
  mkdirSync(path.join(root, 'requirements'));
  writeFileSync(path.join(root, 'requirements/base.txt'), 'flask==3.0.3\n');
  symlinkSync(target(root), path.join(root, 'services/api/requirements.txt'));
  git(root, 'init', '-q', '-b', 'main');
  git(root, 'add', '-A');
  return root;
}

describe('loadFixSources and writeFixes', () => {
  it('never writes through a symbolic link that leads out of the repository', async () => {
    const outside = path.join(tempDir('outside'), 'requirements.txt');
    writeFileSync(outside, 'flask==3.0.3\n');
    const root = repoWithLink(() => outside);
    const { sources, targets } = await loadFixSources(root, [missingYaml('services/api/requirements.txt')], { staged: false });
    const plan = planFixes([missingYaml('services/api/requirements.txt')], sources);
    expect(plan.skipped.map((s) => s.reason)).toEqual([`services/api/requirements.txt is a symbolic link leading out of the repository (to ${outside}): not written through`]);
    expect(await writeFixes(root, plan, targets, { stage: false })).toEqual([]);
    expect(readFileSync(outside, 'utf8')).toBe('flask==3.0.3\n');
  });

  it('writes the file a link inside the repository leads to, keeps the link, and stages the file written', async () => {
    const root = repoWithLink(() => '../../requirements/base.txt');
    const { sources, targets } = await loadFixSources(root, [missingYaml('services/api/requirements.txt')], { staged: true });
    const plan = planFixes([missingYaml('services/api/requirements.txt')], sources);
    expect(await writeFixes(root, plan, targets, { stage: true })).toEqual(['requirements/base.txt']);
    expect(readFileSync(path.join(root, 'requirements/base.txt'), 'utf8')).toBe('flask==3.0.3\npyyaml\n');
    expect(lstatSync(path.join(root, 'services/api/requirements.txt')).isSymbolicLink()).toBe(true);
    expect(git(root, 'show', ':requirements/base.txt')).toBe('flask==3.0.3\npyyaml\n');
  });
});
