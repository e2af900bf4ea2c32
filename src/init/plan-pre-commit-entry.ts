import { readFileSync } from 'node:fs';
import path from 'node:path';
import { isMap, isSeq, parseDocument } from 'yaml';
import { ConfigError } from '../errors.js';
import { addMergeHookType } from './add-merge-hook-type.js';
import { checkMergeStage } from './check-merge-stage.js';
import type { PreCommitStages } from './detect-pre-commit.js';
import type { InitAction } from './init-plan.js';
import { HOOK_COMMAND, WATCHED_FILES_REGEX } from './watched-files.js';

export const PRE_COMMIT_CONFIG = '.pre-commit-config.yaml';

/**
 * A repository managed by the pre-commit framework: add a `repo: local` hook
 * that installs dockguard from npm (`language: node`), so no git URL or tag of
 * dockguard is needed, and have `pre-commit install` set up git's
 * pre-merge-commit hook as well as pre-commit. Comments and layout of the file are kept.
 */
export function planPreCommitEntry(
  root: string,
  toolVersion: string,
  stages: PreCommitStages,
): { actions: InitAction[]; notes: string[] } {
  const file = path.join(root, PRE_COMMIT_CONFIG);
  const text = readFileSync(file, 'utf8');
  const doc = parseDocument(text);
  if (doc.errors.length > 0) {
    throw new ConfigError(`${PRE_COMMIT_CONFIG} is not valid YAML: ${doc.errors[0]!.message}`, 'fix the file, then run dockguard init again');
  }
  if (!isMap(doc.contents) && doc.contents !== null) throw new ConfigError(`${PRE_COMMIT_CONFIG} does not hold a mapping`);
  const config = doc.toJS() as { repos?: unknown } | null;
  const changes: string[] = [];
  const hookTypes = addMergeHookType(doc);
  if (hookTypes) changes.push(hookTypes);

  const notes = checkMergeStage(config);
  if (!hasDockguardHook(config)) {
    const entry = doc.createNode(dockguardEntry(toolVersion, stages.stages));
    const stageList = entry.getIn(['hooks', 0, 'stages'], true);
    if (isSeq(stageList)) stageList.flow = true;
    const repos = doc.get('repos');
    // `repos: []`, as `pre-commit sample-config` users often start: a hook added inside a flow list
    // would be written on one line of braces. The list becomes a block list, one entry per item.
    if (isSeq(repos)) {
      repos.flow = false;
      repos.add(entry);
    }
    else doc.set('repos', doc.createNode([entry]));
    changes.unshift('add the dockguard hook');
    notes.push(stages.note);
  }
  const install = hookTypes
    ? 'run `pre-commit install` (again, if you ran it before: it now installs the pre-merge-commit hook too)'
    : 'run `pre-commit install` if you have not yet';
  notes.unshift(`hooks run by the pre-commit framework (${PRE_COMMIT_CONFIG}); ${install}`);
  if (changes.length === 0) return { actions: [], notes };
  // Unpadded flow lists (`[a, b]`), as pre-commit's documentation and most configs write them.
  const content = doc.toString({ flowCollectionPadding: false });
  return { actions: [{ kind: 'write-file', path: file, content, creates: false, why: changes.join('; ') }], notes };
}

function dockguardEntry(toolVersion: string, stages: string[]): { repo: string; hooks: object[] } {
  return {
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
        // git runs pre-merge-commit instead of pre-commit for a merge without conflicts.
        // Spelled as the installed pre-commit does (commit, merge-commit before 3.2).
        stages,
      },
    ],
  };
}

function hasDockguardHook(config: { repos?: unknown } | null): boolean {
  const repos = Array.isArray(config?.repos) ? (config.repos as Array<{ hooks?: unknown }>) : [];
  return repos.some((repo) => Array.isArray(repo?.hooks) && repo.hooks.some((hook: { id?: unknown }) => hook?.id === 'dockguard'));
}
