import type { Problem, RepoPath } from '../types.js';
import { normalizeName } from './normalize-name.js';
import { malformed } from './rules.js';
import type { TomlLines } from './toml-lines.js';
import type { Requirement } from './types.js';

type ReadList = (list: unknown[], name: string, line: number) => Requirement[];

/** PEP 735 `[dependency-groups]`, with `{include-group = "…"}` expanded (cycles and unknown groups reported). */
export function readDependencyGroups(
  value: unknown,
  lines: TomlLines,
  readList: ReadList,
  problems: Problem[],
  file: RepoPath,
): Record<string, Requirement[]> {
  if (value === undefined) return {};
  const header = lines.header('dependency-groups');
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    problems.push(malformed(file, header, `${file}:${header}: [dependency-groups] must be a table`));
    return {};
  }
  const raw = new Map(Object.entries(value).map(([k, v]) => [normalizeName(k), { key: k, list: v }]));
  const done: Record<string, Requirement[]> = {};
  const expand = (name: string, stack: string[]): Requirement[] => {
    const cached = done[name];
    if (cached) return cached;
    const entry = raw.get(name);
    const line = entry ? lines.key(header, entry.key) || header : header;
    if (!entry || !Array.isArray(entry.list)) {
      if (entry) problems.push(malformed(file, line, `${file}:${line}: dependency group '${entry.key}' must be a list`));
      return [];
    }
    const out = readList(entry.list, entry.key, line);
    for (const item of entry.list) {
      if (typeof item === 'string') continue;
      const included = typeof item === 'object' && item !== null ? (item as Record<string, unknown>)['include-group'] : undefined;
      if (typeof included !== 'string') {
        problems.push(malformed(file, line, `${file}:${line}: dependency group '${entry.key}' holds an entry that is neither a string nor {include-group}`));
        continue;
      }
      const target = normalizeName(included);
      if (!raw.has(target)) problems.push(malformed(file, line, `${file}:${line}: dependency group '${entry.key}' includes unknown group '${included}'`));
      else if (stack.includes(target)) problems.push(malformed(file, line, `${file}:${line}: dependency group '${entry.key}' includes itself through '${included}'`));
      else out.push(...expand(target, [...stack, target]));
    }
    done[name] = out;
    return out;
  };
  for (const name of raw.keys()) expand(name, [name]);
  return done;
}
