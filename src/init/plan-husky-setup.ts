import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { detectPackageManager } from './detect-package-manager.js';
import type { InitAction } from './init-plan.js';
import { planHuskyHookLine } from './plan-husky-hook-line.js';
import { formatJsonLike, readJsonFile } from './read-json-file.js';
import { HOOK_COMMAND, WATCHED_FILES_GLOB } from './watched-files.js';

const LINT_STAGED_FILES = [
  '.lintstagedrc', '.lintstagedrc.json', '.lintstagedrc.yaml', '.lintstagedrc.yml', '.lintstagedrc.mjs', '.lintstagedrc.cjs',
  '.lintstagedrc.js', 'lint-staged.config.js', 'lint-staged.config.mjs', 'lint-staged.config.cjs', 'lint-staged.config.ts',
];

/**
 * A JavaScript-tooled repository: husky runs `.husky/pre-commit`, which runs
 * lint-staged, which runs `dockguard check --staged <files>` when a watched file is staged;
 * and `.husky/pre-merge-commit`, which runs `dockguard check --staged` for clean merges.
 * `hooksPath` is the current `core.hooksPath` (husky 9 sets `.husky/_`, husky 4–8 `.husky`).
 */
export function planHuskySetup(root: string, toolVersion: string, hooksPath: string | undefined): { actions: InitAction[]; notes: string[] } {
  const manifestFile = path.join(root, 'package.json');
  const manifest = readJsonFile(manifestFile, root);
  const pm = detectPackageManager(root, manifest);
  const actions: InitAction[] = [];
  const notes: string[] = [`package manager: ${pm.name}`];
  const set: Array<{ keyPath: string[]; value: unknown }> = [];

  const prepare = (manifest.scripts as Record<string, unknown> | undefined)?.prepare;
  if (typeof prepare !== 'string' || prepare.trim() === '') set.push({ keyPath: ['scripts', 'prepare'], value: 'husky' });
  else if (!/\bhusky\b/.test(prepare)) set.push({ keyPath: ['scripts', 'prepare'], value: `${prepare} && husky` });

  const rcFile = LINT_STAGED_FILES.map((name) => path.join(root, name)).find((file) => existsSync(file));
  if (rcFile) actions.push(...planLintStagedFile(rcFile, root, notes));
  else if (!mentionsDockguard(manifest['lint-staged'])) set.push({ keyPath: ['lint-staged', WATCHED_FILES_GLOB], value: HOOK_COMMAND });
  if (set.length > 0) actions.push({ kind: 'edit-json', path: manifestFile, set, why: 'run husky on install and dockguard from lint-staged' });

  actions.push(
    ...planHuskyHookLine({
      file: path.join(root, '.husky', 'pre-commit'),
      line: pm.exec('lint-staged').join(' '),
      present: (text) => text.includes('lint-staged'),
      whyCreate: 'husky runs it on every commit',
      runs: 'lint-staged',
    }),
    // A merge stages every file it brings in and leaves nothing partially staged, so lint-staged's
    // filter and stash have nothing to do there: the merge hook runs dockguard itself.
    ...planHuskyHookLine({
      file: path.join(root, '.husky', 'pre-merge-commit'),
      line: [...pm.exec('dockguard'), 'check', '--staged'].join(' '),
      present: (text) => /\bdockguard\b/.test(text),
      whyCreate: 'husky runs it before the commit of a merge that needs no conflict resolution',
      runs: 'dockguard',
    }),
  );

  const declared = { ...(manifest.dependencies as object), ...(manifest.devDependencies as object) };
  const missing = ['husky', 'lint-staged', 'dockguard'].filter((name) => !(name in declared) && name !== manifest.name);
  if (missing.length > 0) {
    const specs = missing.map((name) => (name === 'dockguard' ? `dockguard@${toolVersion}` : name));
    actions.push({ kind: 'run', argv: pm.addDev(specs), cwd: root, why: 'install the hook tools as dev dependencies' });
  }
  if (hooksPath !== '.husky/_' && hooksPath !== '.husky') {
    const isSetUp = actions.length === 0;
    if (isSetUp && !existsSync(path.join(root, 'node_modules', '.bin', 'husky'))) {
      // A fresh clone of a set-up repository: the install runs the prepare script, which runs husky.
      notes.unshift(`this clone has no git hooks yet: run \`${pm.name} install\` (its prepare script runs husky, which sets them up)`);
    } else {
      actions.push({ kind: 'run', argv: pm.exec('husky'), cwd: root, why: 'point git at .husky (core.hooksPath)', isForClone: isSetUp });
    }
  }
  return { actions, notes };
}

function planLintStagedFile(file: string, root: string, notes: string[]): InitAction[] {
  const text = readFileSync(file, 'utf8');
  if (text.includes('dockguard')) return [];
  const name = path.basename(file);
  if (name === '.lintstagedrc.json' || (name === '.lintstagedrc' && text.trim().startsWith('{'))) {
    const config = readJsonFile(file, root);
    const content = formatJsonLike(text, { ...config, [WATCHED_FILES_GLOB]: HOOK_COMMAND });
    return [{ kind: 'write-file', path: file, content, creates: false, why: 'run dockguard on staged Python, Docker and dependency files' }];
  }
  notes.push(`${name} cannot be edited safely: add this entry to it by hand:`, `  ${JSON.stringify(WATCHED_FILES_GLOB)}: ${JSON.stringify(HOOK_COMMAND)}`);
  return [];
}

function mentionsDockguard(config: unknown): boolean {
  return config !== undefined && JSON.stringify(config).includes('dockguard');
}
