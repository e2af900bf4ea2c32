import { execFile } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DockguardError } from '../errors.js';
import type { InitAction, InitPlan } from './init-plan.js';
import { displayPath } from './display-path.js';
import { formatJsonLike, readJsonFile } from './read-json-file.js';

export interface ApplyOptions {
  /** Describe package-manager commands instead of running them (tests; offline use). */
  skipInstall?: boolean;
}

/** Carries out a plan in order (a dry-run plan only describes it); returns lines for the user. */
export async function applyInit(plan: InitPlan, options: ApplyOptions = {}): Promise<string[]> {
  const lines: string[] = [];
  if (plan.actions.length === 0) lines.push('dockguard is already set up: nothing to change');
  else if (plan.actions.every((action) => action.kind === 'run' && action.isForClone)) {
    lines.push(`dockguard is already set up in this repository; this clone needs its git hooks${plan.dryRun ? ' (dry run: nothing was changed)' : ''}:`);
  }
  else if (plan.dryRun) lines.push('dry run: nothing was changed; init would:');
  for (const action of plan.actions) {
    const text = describeInitAction(plan.root, action);
    if (plan.dryRun) lines.push(`  ${text}`);
    else if (action.kind === 'run' && options.skipInstall) lines.push(`skipped: ${text}`);
    else {
      await applyAction(action);
      lines.push(text);
    }
  }
  return [...lines, ...plan.notes];
}

export function describeInitAction(root: string, action: InitAction): string {
  const shown = (file: string): string => displayPath(root, file);
  switch (action.kind) {
    case 'write-file':
      return `${action.creates ? 'create' : 'update'} ${shown(action.path)} (${action.why})`;
    case 'edit-json':
      return `edit ${shown(action.path)}: ${action.set.map((edit) => `set ${edit.keyPath.join('.')} = ${JSON.stringify(edit.value)}`).join('; ')}`;
    case 'rename':
      return `move ${shown(action.from)} to ${shown(action.to)} (${action.why})`;
    case 'chmod':
      return `make ${shown(action.path)} executable (${action.why})`;
    case 'run':
      return `run ${action.argv.join(' ')} (${action.why})`;
  }
}

async function applyAction(action: InitAction): Promise<void> {
  switch (action.kind) {
    case 'write-file':
      mkdirSync(path.dirname(action.path), { recursive: true });
      writeFileSync(action.path, action.content, action.mode === undefined ? {} : { mode: action.mode });
      if (action.mode !== undefined) chmodSync(action.path, action.mode);
      return;
    case 'edit-json':
      return editJson(action.path, action.set);
    case 'rename':
      if (existsSync(action.to)) throw new DockguardError(`${action.to} appeared while init ran; not overwriting it`);
      return renameSync(action.from, action.to);
    case 'chmod':
      return chmodSync(action.path, action.mode);
    case 'run':
      return runProgram(action.argv, action.cwd);
  }
}

/** Re-reads the file at apply time: an install run before may have changed other keys. */
function editJson(file: string, edits: Array<{ keyPath: string[]; value: unknown }>): void {
  const text = readFileSync(file, 'utf8');
  const data = readJsonFile(file, path.dirname(file));
  for (const { keyPath, value } of edits) {
    let node = data;
    for (const key of keyPath.slice(0, -1)) {
      const next = node[key];
      node = (node[key] = typeof next === 'object' && next !== null && !Array.isArray(next) ? next : {}) as Record<string, unknown>;
    }
    node[keyPath[keyPath.length - 1]!] = value;
  }
  writeFileSync(file, formatJsonLike(text, data));
}

function runProgram(argv: string[], cwd: string): Promise<void> {
  const [program, ...args] = argv as [string, ...string[]];
  return new Promise((resolve, reject) => {
    execFile(program, args, { cwd, maxBuffer: 64 * 1024 * 1024 }, (error, _stdout, stderr) => {
      if (!error) return resolve();
      const detail = String(stderr).trim().split('\n').slice(-5).join('\n') || error.message;
      reject(new DockguardError(`\`${argv.join(' ')}\` failed: ${detail}`, 'run it by hand, then run dockguard init again'));
    });
  });
}
