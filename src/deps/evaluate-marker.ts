import { compareVersions as compareOrder, isValidVersion, satisfiesSpecifier } from './compare-versions.js';
import { applyComparison } from './apply-comparison.js';
import { normalizeName } from './normalize-name.js';
import { parseMarker, type MarkerNode, type MarkerOperand } from './parse-marker.js';
import type { MarkerEnv } from './types.js';

/** Keys compared as PEP 440 versions when both sides parse as versions. */
const VERSION_KEYS = new Set(['python_version', 'python_full_version', 'implementation_version']);

type Value = string | string[] | undefined;

/**
 * Evaluates a PEP 508 marker for the image (Linux, x86_64 unless told, CPython,
 * the given Python). Three-valued: `undefined` when the marker is malformed or
 * depends on something we cannot know (an unpinned patch release, `platform_release`).
 */
export function evaluateMarker(marker: string, env: MarkerEnv): boolean | undefined {
  // Lock files repeat the same few markers hundreds of times.
  const key = `${marker}\u0000${env.pythonVersion}\u0000${env.machine ?? ''}\u0000${(env.extras ?? []).join(',')}\u0000${(env.dependencyGroups ?? []).join(',')}`;
  if (memo.has(key)) return memo.get(key);
  if (memo.size > 5000) memo.clear();
  const result = evaluateUncached(marker, env);
  memo.set(key, result);
  return result;
}

const memo = new Map<string, boolean | undefined>();

function evaluateUncached(marker: string, env: MarkerEnv): boolean | undefined {
  const parsed = parseMarker(marker);
  if (!parsed.ok) return undefined;
  const minor = env.pythonVersion.split('.').slice(0, 2).join('.');
  if (env.pythonVersion.split('.').length > 2) return evaluate(parsed.node, env, env.pythonVersion);
  // Unknown patch: the answer counts only if the oldest and a late patch agree.
  const low = evaluate(parsed.node, env, `${minor}.0`);
  const high = evaluate(parsed.node, env, `${minor}.99`);
  return low === high ? low : undefined;
}

function evaluate(node: MarkerNode, env: MarkerEnv, fullVersion: string): boolean | undefined {
  if (node.kind === 'compare') return compareOperands(node.left, node.op, node.right, env, fullVersion);
  const left = evaluate(node.left, env, fullVersion);
  const right = evaluate(node.right, env, fullVersion);
  if (node.kind === 'and') {
    if (left === false || right === false) return false;
    return left === undefined || right === undefined ? undefined : true;
  }
  if (left === true || right === true) return true;
  return left === undefined || right === undefined ? undefined : false;
}

function lookup(name: string, env: MarkerEnv, fullVersion: string): Value {
  switch (name) {
    case 'python_version':
      return fullVersion.split('.').slice(0, 2).join('.');
    case 'python_full_version':
    case 'implementation_version':
      return fullVersion;
    case 'sys_platform':
      return 'linux';
    case 'platform_system':
      return 'Linux';
    case 'os_name':
      return 'posix';
    case 'platform_machine':
      return env.machine ?? 'x86_64';
    case 'platform_python_implementation':
      return 'CPython';
    case 'implementation_name':
      return 'cpython';
    case 'extra':
    case 'extras':
      return (env.extras ?? []).map(normalizeName);
    case 'dependency_groups':
      return (env.dependencyGroups ?? []).map(normalizeName);
    default:
      return undefined; // platform_release, platform_version: unknowable statically
  }
}

function compareOperands(
  l: MarkerOperand,
  op: string,
  r: MarkerOperand,
  env: MarkerEnv,
  fullVersion: string,
): boolean | undefined {
  const left = l.kind === 'var' ? lookup(l.name, env, fullVersion) : l.value;
  const right = r.kind === 'var' ? lookup(r.name, env, fullVersion) : r.value;
  if (left === undefined || right === undefined) return undefined;
  // `extra == "s3"` asks membership in the requested extras.
  if (l.kind === 'var' && l.name === 'extra' && Array.isArray(left) && typeof right === 'string') {
    const has = left.includes(normalizeName(right));
    return op === '==' ? has : op === '!=' ? !has : undefined;
  }
  if (Array.isArray(right) && typeof left === 'string') {
    const has = right.includes(normalizeName(left));
    return op === 'in' ? has : op === 'not in' ? !has : undefined;
  }
  if (Array.isArray(left) || Array.isArray(right)) return undefined;
  if (op === 'in') return right.includes(left);
  if (op === 'not in') return !right.includes(left);
  const isVersionKey = [l, r].some((o) => o.kind === 'var' && VERSION_KEYS.has(o.name));
  if (isVersionKey && isValidVersion(left) && (isValidVersion(right) || /\.\*$/.test(right))) return compareVersions(left, op, right);
  if (op === '==' || op === '===') return left === right;
  if (op === '!=') return left !== right;
  return undefined;
}

function compareVersions(left: string, op: string, right: string): boolean | undefined {
  if (op === '===') return left === right;
  if (op === '~=' || right.endsWith('.*')) return satisfiesSpecifier(left, `${op}${right}`);
  return applyComparison(op, compareOrder(left, right));
}
