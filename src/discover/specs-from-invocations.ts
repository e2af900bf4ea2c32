import { byCodeUnit } from '../by-code-unit.js';
import { asImagePath, type RepoPath, type ServiceEnvironment, type ServiceSpec } from '../types.js';
import type { BuildInvocation } from './build-invocation.js';

/**
 * One ServiceSpec per distinct way a Dockerfile is built. Identical builds
 * (same context, target, args, launch) collapse into the first one found;
 * when several remain, each is a variant named after its compose service
 * or, for scripts, the line that builds it. Builds that differ only in the
 * PYTHONPATH their containers get are one variant whose PYTHONPATH is
 * unknown unless they agree: another variant would give the same findings
 * but that one, at the cost of a whole check.
 */
export function specsFromInvocations(dockerfile: RepoPath, invocations: readonly BuildInvocation[]): ServiceSpec[] {
  const distinct = new Map<string, BuildInvocation>();
  for (const invocation of invocations) {
    const key = buildKey(invocation);
    const first = distinct.get(key);
    if (!first) distinct.set(key, invocation);
    else if (JSON.stringify(first.environment ?? null) !== JSON.stringify(invocation.environment ?? null)) distinct.set(key, { ...first, environment: mergeEnvironments(first, invocation) });
  }
  const unique = [...distinct.values()];
  // Every tag any build gives names this Dockerfile's image.
  const tags = [...new Set(invocations.flatMap((i) => i.tags ?? []))];
  const labels = new Set<string>();
  return unique.map((invocation) => {
    const spec: ServiceSpec = {
      dockerfile,
      context: invocation.context,
      contextSource: invocation.source,
      contextOrigin: invocation.origin,
      buildArgs: invocation.buildArgs,
      roots: [],
      gcloudUpload: invocation.gcloudUpload,
    };
    if (invocation.name !== undefined) spec.name = invocation.name;
    if (invocation.target !== undefined) spec.target = invocation.target;
    if (invocation.entrypoint !== undefined) spec.entrypoint = invocation.entrypoint;
    if (tags.length > 0) spec.tags = tags;
    if (invocation.unseenInputs !== undefined) spec.unseenInputs = invocation.unseenInputs;
    if (invocation.mounts !== undefined) spec.mounts = invocation.mounts;
    if (invocation.workingDir !== undefined) spec.workingDir = asImagePath(invocation.workingDir);
    if (invocation.environment !== undefined) spec.environment = invocation.environment;
    if (unique.length > 1) {
      let label = invocation.name ?? invocation.origin;
      if (labels.has(label)) label = `${label} (${invocation.origin})`;
      labels.add(label);
      spec.variant = label;
    }
    return spec;
  });
}

function buildKey(invocation: BuildInvocation): string {
  const args = Object.entries(invocation.buildArgs).sort(([a], [b]) => byCodeUnit(a, b));
  return JSON.stringify([invocation.context, invocation.target ?? null, args, invocation.entrypoint ?? null, invocation.gcloudUpload, invocation.mounts ?? null, invocation.workingDir ?? null]);
}

/** One environment for two builds of one image whose containers get different ones: what they agree on, or unknown. */
function mergeEnvironments(a: BuildInvocation, b: BuildInvocation): ServiceEnvironment {
  // A settings module both set alike is kept; otherwise neither is known, and a module's setdefault stays a guess.
  const [settingsA, settingsB] = [a.environment?.values.DJANGO_SETTINGS_MODULE, b.environment?.values.DJANGO_SETTINGS_MODULE];
  const settings: Record<string, string> = settingsA !== undefined && settingsA === settingsB ? { DJANGO_SETTINGS_MODULE: settingsA } : {};
  const unknown = a.environment?.pythonPathUnknown ?? b.environment?.pythonPathUnknown;
  if (unknown !== undefined) return { values: settings, pythonPathUnknown: unknown };
  const [x, y] = [a.environment?.values.PYTHONPATH, b.environment?.values.PYTHONPATH];
  if (x === y) return { values: { ...(x === undefined ? {} : { PYTHONPATH: x }), ...settings } };
  return { values: settings, pythonPathUnknown: `PYTHONPATH ${x ?? '(unset)'} in ${a.name ?? a.origin} and ${y ?? '(unset)'} in ${b.name ?? b.origin}, as the services that build it set it` };
}
