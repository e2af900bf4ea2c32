import { readFileSync } from 'node:fs';
import path from 'node:path';
import { isMap, isSeq, parseDocument } from 'yaml';
import { ConfigError } from '../errors.js';
import type { InitAction } from './init-plan.js';
import { HOOK_COMMAND, WATCHED_FILES_REGEX } from './watched-files.js';

export const PRE_COMMIT_CONFIG = '.pre-commit-config.yaml';

/**
 * A repository managed by the pre-commit framework: add a `repo: local` hook
 * that installs dockguard from npm (`language: node`), so no git URL or tag of
 * dockguard is needed. Comments and layout of the file are kept.
 */
export function planPreCommitEntry(root: string, toolVersion: string): InitAction[] {
  const file = path.join(root, PRE_COMMIT_CONFIG);
  const text = readFileSync(file, 'utf8');
  const doc = parseDocument(text);
  if (doc.errors.length > 0) {
    throw new ConfigError(`${PRE_COMMIT_CONFIG} is not valid YAML: ${doc.errors[0]!.message}`, 'fix the file, then run dockguard init again');
  }
  if (!isMap(doc.contents) && doc.contents !== null) throw new ConfigError(`${PRE_COMMIT_CONFIG} does not hold a mapping`);
  if (hasDockguardHook(doc.toJS() as { repos?: unknown })) return [];

  const entry = {
    repo: 'local',
    hooks: [
      {
        id: 'dockguard',
        name: 'dockguard',
        entry: HOOK_COMMAND,
        language: 'node',
        additional_dependencies: [`dockguard@${toolVersion}`],
        files: WATCHED_FILES_REGEX,
        // One run over all staged files: dockguard checks whole services, not single files.
        require_serial: true,
      },
    ],
  };
  const repos = doc.get('repos');
  if (isSeq(repos)) repos.add(doc.createNode(entry));
  else doc.set('repos', doc.createNode([entry]));
  return [{ kind: 'write-file', path: file, content: doc.toString(), creates: false, why: 'add the dockguard hook' }];
}

function hasDockguardHook(config: { repos?: unknown } | null): boolean {
  const repos = Array.isArray(config?.repos) ? (config.repos as Array<{ hooks?: unknown }>) : [];
  return repos.some((repo) => Array.isArray(repo?.hooks) && repo.hooks.some((hook: { id?: unknown }) => hook?.id === 'dockguard'));
}
