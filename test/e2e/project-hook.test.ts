import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from './helpers/dockguard-cli.js';

/**
 * dockguard's own repository: husky runs lint-staged, which lints and type
 * checks the staged TypeScript/JavaScript. tsc checks the whole project, tests included,
 * since a change in one file can break the types of another.
 */
describe("the project's own pre-commit hook", () => {
  const manifest = JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
    'lint-staged': Record<string, string[]>;
  };

  it('runs lint-staged from .husky/pre-commit, installed by the prepare script', () => {
    expect(readFileSync(path.join(PACKAGE_ROOT, '.husky/pre-commit'), 'utf8')).toBe('npx lint-staged\n');
    expect(manifest.scripts.prepare).toMatch(/\bhusky\b/);
  });

  it('lints and type checks staged sources with tools the project installs', () => {
    expect(manifest['lint-staged']).toEqual({
      '*.{ts,mts,js,mjs}': ['biome lint --no-errors-on-unmatched', "bash -c 'tsc -p test'"],
    });
    for (const bin of ['lint-staged', 'biome', 'tsc']) expect(existsSync(path.join(PACKAGE_ROOT, 'node_modules/.bin', bin)), bin).toBe(true);
  });
});
