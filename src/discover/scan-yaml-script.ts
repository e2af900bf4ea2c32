import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type YAMLMap } from 'yaml';
import { resolveYamlAliases } from './resolve-yaml-aliases.js';
import type { RepoPath, RepoSnapshot, UnseenInput } from '../types.js';
import { producedPaths } from './record-produced-paths.js';
import { unreadableFile } from './discovery-problems.js';
import { expandWord, ROOT_MARK } from './expand-word.js';
import { parseDockerBuild, type BuildCommand } from './parse-build-command.js';
import { joinRepoPath } from './repo-path.js';
import { resolveBuildCommand, type Resolution } from './resolve-build-command.js';
import { readDefaultSubstitutions, readInputDefaults, readWorkflowCall, substituter } from './yaml-substitutions.js';
import { MAKES_FILES, scanTextScript, withProduced, type ScanResult } from './scan-text-script.js';

const WORKSPACE = /\$\{\{\s*github\.workspace\s*\}\}|^\/workspace(?=\/|$)/g;

/**
 * Finds builds in CI YAML (GitHub workflows, GitLab CI, Cloud Build,
 * Taskfiles): every string value is read as shell; a `working-directory`
 * or `dir` key moves the folder for what it holds. Cloud Build docker steps
 * and docker/build-push-action are read from their structured arguments.
 */
export function scanYamlScript(
  text: string,
  file: RepoPath,
  baseDir: RepoPath,
  snapshot: RepoSnapshot,
  /** `--substitutions` of a `gcloud builds submit --config` that runs this file. */
  substitutions: Readonly<Record<string, string>> = {},
): ScanResult {
  const result: ScanResult = { invocations: [], problems: [] };
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: false });
  const error = doc.errors[0];
  if (error) {
    result.problems.push(unreadableFile(file, error.linePos?.[0]?.line ?? 0, firstLine(error.message)));
    return result;
  }
  resolveYamlAliases(doc);
  const substitute = substituter({ ...readDefaultSubstitutions(doc.contents), ...readInputDefaults(doc.contents), ...substitutions });
  const lineOf = (node: Node | null | undefined): number => lineCounter.linePos(node?.range?.[0] ?? 0).line;
  // What earlier steps make, in document order: a later build step's context holds it.
  const produced: UnseenInput[] = [];
  const add = (resolution: Resolution): void => {
    if (resolution && 'invocation' in resolution) result.invocations.push(withProduced(resolution.invocation, produced));
    if (resolution && 'problem' in resolution) result.problems.push(resolution.problem);
  };
  const visit = (node: unknown, cwd: RepoPath | undefined): void => {
    if (isMap(node)) {
      const here = moveTo(node, cwd);
      const call = readWorkflowCall(node, file, snapshot);
      if (call) result.configCalls = [...(result.configCalls ?? []), call];
      const command = readBuildPushAction(node, substitute) ?? readCloudBuildStep(node, substitute);
      if (command && here !== undefined) {
        // The `uses:` line of an action; the step itself for a Cloud Build step.
        const line = lineOf((node.get('uses', true) as Node | undefined) ?? node);
        add(resolveBuildCommand(command, { file, line, here, bases: [here] }, snapshot));
      } else if (here !== undefined) {
        const argv = readStepArgv(node)?.map(substitute);
        if (argv) produced.push(...producedPaths(argv, here, snapshot, `${file}:${lineOf(node)}`));
      }
      for (const pair of node.items) visit(pair.value, here);
    } else if (isSeq(node)) {
      for (const item of node.items) visit(item, cwd);
    } else if (isScalar(node) && typeof node.value === 'string' && (node.value.includes('build') || MAKES_FILES.test(node.value)) && cwd !== undefined) {
      const block = node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED';
      const text = substitute(node.value).replace(WORKSPACE, ROOT_MARK);
      const found = scanTextScript(text, 'shell', { file, here: cwd, bases: [cwd] }, snapshot, lineOf(node) + (block ? 1 : 0), produced);
      result.invocations.push(...found.invocations);
      result.problems.push(...found.problems);
      if (found.configCalls) result.configCalls = [...(result.configCalls ?? []), ...found.configCalls];
    }
  };
  visit(doc.contents, baseDir);
  return result;
}

/** A step's `working-directory` (GitHub) or `dir` (Cloud Build, Taskfile); undefined when it is not static. */
function moveTo(map: YAMLMap, cwd: RepoPath | undefined): RepoPath | undefined {
  const dir = map.get('working-directory') ?? map.get('dir');
  if (typeof dir !== 'string' || cwd === undefined) return cwd;
  const expanded = dir.replace(WORKSPACE, '');
  return /[$`]|\{\{/.test(expanded) ? undefined : joinRepoPath(cwd, expanded);
}

function readBuildPushAction(map: YAMLMap, substitute: (text: string) => string): BuildCommand | undefined {
  const uses = map.get('uses');
  const inputs = map.get('with');
  if (typeof uses !== 'string' || !uses.startsWith('docker/build-push-action') || !isMap(inputs)) return undefined;
  const input = (key: string): string | undefined => {
    const value = inputs.get(key);
    return typeof value === 'string' || typeof value === 'number' ? expandWord(substitute(String(value)).replace(WORKSPACE, ROOT_MARK), () => undefined) : undefined;
  };
  const command: BuildCommand = { kind: 'docker', context: input('context') ?? '.', buildArgs: [] };
  const file = input('file');
  if (file !== undefined) command.file = file;
  const target = input('target');
  if (target !== undefined) command.target = target;
  // `tags:` is a newline- or comma-separated list; a `${{ … }}` expression leaves a tag unknown.
  const tags = (input('tags') ?? '').split(/[\n,]/).map((t) => t.trim()).filter((t) => t !== '' && !/[$`]|\{\{/.test(t));
  if (tags.length > 0) command.tags = tags;
  for (const pair of (input('build-args') ?? '').split('\n')) {
    const eq = pair.indexOf('=');
    if (eq > 0) command.buildArgs.push([pair.slice(0, eq).trim(), pair.slice(eq + 1).trim()]);
  }
  return command;
}

/** `name: gcr.io/cloud-builders/docker` with `args: [build, -f, …, .]`: an argv, not shell text. */
function readCloudBuildStep(map: YAMLMap, substitute: (text: string) => string): BuildCommand | undefined {
  const name = map.get('name');
  const args = map.get('args');
  if (typeof name !== 'string' || !/(^|\/)docker(:|$)/.test(name) || !isSeq(args)) return undefined;
  const argv = args.items.map((item) => (isScalar(item) ? substitute(String(item.value)) : ''));
  const start = argv[0] === 'build' ? 1 : argv[0] === 'buildx' && argv[1] === 'build' ? 2 : undefined;
  if (start === undefined) return undefined;
  return parseDockerBuild(argv.slice(start).map((arg) => arg.replace(WORKSPACE, ROOT_MARK)));
}

/** A Cloud Build step that runs a tool directly (`name: gcr.io/cloud-builders/gsutil`, `args: [cp, …]`), as argv. */
function readStepArgv(map: YAMLMap): string[] | undefined {
  const name = map.get('name');
  const args = map.get('args');
  if (typeof name !== 'string' || !isSeq(args) || map.has('entrypoint')) return undefined;
  const tool = name.replace(/[:@].*$/, '').split('/').pop() ?? '';
  return [tool, ...args.items.map((item) => (isScalar(item) ? String(item.value) : ''))].map((arg) => arg.replace(WORKSPACE, '.'));
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}
