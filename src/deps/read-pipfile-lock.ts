import type { RepoPath } from '../types.js';
import { checkPipfileEntry } from './check-lock-entries.js';
import { toLockedRequirement } from './locked-requirement.js';
import { normalizeName } from './normalize-name.js';
import { malformed } from './rules.js';
import type { DependencyFile, MarkerEnv, RequirementKind } from './types.js';

type Entry = Record<string, unknown>;

/**
 * Pipfile.lock → one requirement per entry of each category (`default`,
 * `develop`, custom ones), `groups` = that category. Flattened: transitives are
 * listed, so nothing is `direct`.
 */
export function readPipfileLock(path: RepoPath, text: string, env: MarkerEnv): DependencyFile {
  const file: DependencyFile = { path, format: 'pipfile-lock', requirements: [], includes: [], constraints: [], problems: [] };
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    const line = lineOfError(text, error);
    return { ...file, problems: [malformed(path, line, `${path}:${line}: not valid JSON (${(error as Error).message})`)] };
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    return { ...file, problems: [malformed(path, 1, `${path}: a Pipfile.lock must be a JSON object`)] };
  }
  const lines = text.split(/\r\n|\n|\r/);
  for (const [category, entries] of Object.entries(doc as Record<string, unknown>)) {
    if (category === '_meta') continue;
    const categoryLine = lines.findIndex((l) => l.includes(`"${category}"`)) + 1;
    const badCategory = checkPipfileEntry(path, categoryLine, category, undefined, entries);
    if (badCategory) {
      file.problems.push(badCategory);
      continue;
    }
    for (const [rawName, value] of Object.entries(entries as Record<string, unknown>)) {
      const at = lines.findIndex((l, i) => i >= categoryLine && l.includes(`"${rawName}"`));
      const badEntry = checkPipfileEntry(path, at + 1, category, rawName, value);
      if (badEntry) {
        file.problems.push(badEntry);
        continue;
      }
      const e = value as Entry;
      const version = typeof e.version === 'string' ? e.version.replace(/^==/, '') : undefined;
      const { kind, url } = locate(e);
      file.requirements.push(
        toLockedRequirement({
          rawName,
          version,
          kind,
          url,
          marker: typeof e.markers === 'string' ? e.markers : undefined,
          groups: [category],
          file: path,
          line: at + 1,
          extras: Array.isArray(e.extras) ? e.extras.map((x) => normalizeName(String(x))) : [],
        }, env),
      );
    }
  }
  return file;
}

function locate(e: Entry): { kind: RequirementKind; url?: string } {
  const editable = e.editable === true;
  if (typeof e.git === 'string') return { kind: editable ? 'editable' : 'vcs', url: e.git };
  if (typeof e.path === 'string') return { kind: editable ? 'editable' : 'path', url: e.path };
  if (typeof e.file === 'string') return { kind: 'url', url: e.file };
  return { kind: 'registry' };
}

function lineOfError(text: string, error: unknown): number {
  const m = /position (\d+)/.exec(error instanceof Error ? error.message : '');
  if (!m) return 0;
  return text.slice(0, Number(m[1])).split('\n').length;
}
