/**
 * Small readers that check one config value and, when it is wrong, record
 * `path: expected …` instead of throwing, so every mistake is reported at once.
 */
export type Issues = string[];

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `services[2]` + `buildArgs` → `services[2].buildArgs`; odd keys are quoted so the path stays readable. */
export function childPath(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  const part = /^[A-Za-z_][\w-]*$/.test(key) ? key : JSON.stringify(key);
  if (parent === '') return part;
  return part.startsWith('"') ? `${parent}[${part}]` : `${parent}.${part}`;
}

export function rejectUnknownKeys(obj: Record<string, unknown>, allowed: readonly string[], path: string, issues: Issues): void {
  for (const key of Object.keys(obj)) {
    if (!allowed.includes(key)) {
      issues.push(`${childPath(path, key)}: unknown key (expected one of ${allowed.join(', ')})`);
    }
  }
}

export function readString(value: unknown, path: string, issues: Issues): string | undefined {
  if (typeof value === 'string' && value.trim() !== '') return value;
  issues.push(`${path}: expected ${typeof value === 'string' ? 'a non-empty string' : 'a string'}`);
  return undefined;
}

export function readBoolean(value: unknown, path: string, issues: Issues): boolean | undefined {
  if (typeof value === 'boolean') return value;
  issues.push(`${path}: expected true or false`);
  return undefined;
}

export function readStringArray(value: unknown, path: string, issues: Issues): string[] | undefined {
  if (!Array.isArray(value)) {
    issues.push(`${path}: expected an array of strings`);
    return undefined;
  }
  const before = issues.length;
  const out = value.map((item, i) => readString(item, childPath(path, i), issues));
  return issues.length === before ? (out as string[]) : undefined;
}

/** An object whose values are all read by `readValue`; undefined when anything in it is wrong. */
export function readRecord<T>(
  value: unknown,
  path: string,
  issues: Issues,
  readValue: (value: unknown, path: string, issues: Issues) => T | undefined,
): Record<string, T> | undefined {
  if (!isRecord(value)) {
    issues.push(`${path}: expected an object`);
    return undefined;
  }
  const before = issues.length;
  const out: Record<string, T> = {};
  for (const [key, item] of Object.entries(value)) {
    const read = readValue(item, childPath(path, key), issues);
    if (read !== undefined) out[key] = read;
  }
  return issues.length === before ? out : undefined;
}

/** A repository-relative path: absolute paths and paths climbing out of the repository are mistakes. */
export function readRepoRelativePath(value: unknown, path: string, issues: Issues): string | undefined {
  const text = readString(value, path, issues);
  if (text === undefined) return undefined;
  if (text.startsWith('/') || /^[A-Za-z]:[\\/]/.test(text)) {
    issues.push(`${path}: expected a path relative to the repository root, got ${JSON.stringify(text)}`);
    return undefined;
  }
  let depth = 0;
  for (const part of text.split('/')) {
    if (part === '..') depth -= 1;
    else if (part !== '' && part !== '.') depth += 1;
    if (depth < 0) {
      issues.push(`${path}: ${JSON.stringify(text)} points outside the repository`);
      return undefined;
    }
  }
  return text;
}
