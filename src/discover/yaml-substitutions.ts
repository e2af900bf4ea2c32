import { isMap, isScalar, type YAMLMap } from 'yaml';
import type { RepoPath, RepoSnapshot } from '../types.js';
import { isUnresolved } from './expand-word.js';
import { joinRepoPath } from './repo-path.js';
import type { ConfigCall } from './resolve-build-command.js';

/** A Cloud Build config's own `substitutions:` defaults (`_DOCKERFILE: Dockerfile`). */
export function readDefaultSubstitutions(contents: unknown): Record<string, string> {
  const map = isMap(contents) ? contents.get('substitutions') : undefined;
  const defaults: Record<string, string> = {};
  if (!isMap(map)) return defaults;
  for (const pair of map.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
    if (key !== undefined && isScalar(pair.value) && pair.value.value !== null) defaults[key] = String(pair.value.value);
  }
  return defaults;
}

/**
 * Replaces Cloud Build's `$_NAME` / `${_NAME}` and GitHub's
 * `${{ inputs.name }}` (keys `inputs.name`) for the known values; others
 * stay, so the paths they are part of stay unresolved.
 */
export function substituter(values: Readonly<Record<string, string>>): (text: string) => string {
  if (Object.keys(values).length === 0) return (text) => text;
  return (text) =>
    text.replace(/\$\{\{\s*inputs\.([\w-]+)\s*\}\}|\$\{(\w+)\}|\$(\w+)/g, (whole, input: string | undefined, braced: string | undefined, bare: string | undefined) =>
      (input !== undefined ? values[`inputs.${input}`] : values[(braced ?? bare) as string]) ?? whole);
}

/** `on.workflow_call.inputs.<name>.default` of a reusable workflow, keyed `inputs.<name>`. */
export function readInputDefaults(contents: unknown): Record<string, string> {
  const on = isMap(contents) ? contents.get('on') : undefined;
  const call = isMap(on) ? on.get('workflow_call') : undefined;
  const inputs = isMap(call) ? call.get('inputs') : undefined;
  const defaults: Record<string, string> = {};
  if (!isMap(inputs)) return defaults;
  for (const pair of inputs.items) {
    const value = isMap(pair.value) ? pair.value.get('default') : undefined;
    if (isScalar(pair.key) && (typeof value === 'string' || typeof value === 'number')) defaults[`inputs.${String(pair.key.value)}`] = String(value);
  }
  return defaults;
}

/** A job that calls a reusable workflow of this repository (`uses: ./.github/workflows/x.yml` + `with:`). */
export function readWorkflowCall(map: YAMLMap, file: RepoPath, snapshot: RepoSnapshot): ConfigCall | undefined {
  const uses = map.get('uses');
  if (typeof uses !== 'string' || !uses.startsWith('./')) return undefined;
  const workflow = joinRepoPath('', uses.replace(/@.*$/, ''));
  if (workflow === undefined || !snapshot.files.has(workflow)) return undefined;
  const inputs: Record<string, string> = {};
  const given = map.get('with');
  if (isMap(given)) {
    for (const pair of given.items) {
      const value = isScalar(pair.value) ? pair.value.value : undefined;
      if (isScalar(pair.key) && (typeof value === 'string' || typeof value === 'number') && !isUnresolved(String(value))) inputs[`inputs.${String(pair.key.value)}`] = String(value);
    }
  }
  return { kind: 'workflow', config: workflow, source: '' as RepoPath, substitutions: inputs, origin: file };
}
