/**
 * Type checks of lock entries. A lock entry of the wrong JSON/TOML type (a
 * package that is a string, a version that is a number, dependencies that
 * are not a list) is no proof of an install: it is reported as
 * dependency-file-malformed and left out, never counted as installed.
 */
import type { Problem } from '../types.js';
import { isTable } from './parse-toml.js';
import { malformed } from './rules.js';

type Shape = 'string' | 'table' | 'array';

const isShape = (value: unknown, shape: Shape): boolean =>
  shape === 'string' ? typeof value === 'string' : shape === 'array' ? Array.isArray(value) : isTable(value);

export interface EntryCheck {
  /** Indexes of entries to leave out. */
  bad: Set<number>;
  problems: Problem[];
}

/**
 * `[[package]]` of uv.lock / poetry.lock: a list of tables, each with a
 * string `name`, and the keys in `fields` (when present) of the given type.
 */
export function checkPackageArray(path: string, packages: unknown, lines: readonly number[], fields: Record<string, Shape>): EntryCheck & { entries: unknown[] } {
  const check: EntryCheck = { bad: new Set(), problems: [] };
  if (packages === undefined) return { ...check, entries: [] };
  if (!Array.isArray(packages)) {
    check.problems.push(malformed(path, 1, `${path}: \`package\` must be an array of tables ([[package]]), not a ${describe(packages)}`));
    return { ...check, entries: [] };
  }
  packages.forEach((entry, i) => {
    const line = lines[i] ?? 0;
    const wrong = !isTable(entry)
      ? `is a ${describe(entry)}, not a table`
      : typeof entry.name !== 'string'
        ? 'has no string `name`'
        : Object.entries(fields).find(([key, shape]) => entry[key] !== undefined && !isShape(entry[key], shape))?.[0];
    if (wrong === undefined) return;
    check.bad.add(i);
    const what = wrong.includes(' ') ? wrong : `has \`${wrong}\` of type ${describe((entry as Record<string, unknown>)[wrong])}, not a ${fields[wrong]}`;
    check.problems.push(malformed(path, line, `${path}:${line}: package entry ${i + 1} ${what}; it is not counted as installed`));
  });
  return { ...check, entries: packages };
}

/** Pipfile.lock: each category an object of package → object, `version` a string. */
export function checkPipfileEntry(path: string, line: number, category: string, name: string | undefined, value: unknown): Problem | undefined {
  const where = name === undefined ? `"${category}"` : `"${category}" → "${name}"`;
  if (!isTable(value)) return malformed(path, line, `${path}:${line}: ${where} is a ${describe(value)}, not an object; it is not counted as installed`);
  if (name !== undefined && value.version !== undefined && typeof value.version !== 'string') {
    return malformed(path, line, `${path}:${line}: ${where} has a version of type ${describe(value.version)}, not a string; it is not counted as installed`);
  }
  return undefined;
}

function describe(value: unknown): string {
  return Array.isArray(value) ? 'list' : value === null ? 'null' : typeof value === 'object' ? 'table' : typeof value;
}
