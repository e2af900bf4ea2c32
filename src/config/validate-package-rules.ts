import {
  childPath, isRecord, readString, readStringArray, rejectUnknownKeys, type Issues,
} from './check-value.js';
import type { ImplicitPackageRule, SystemPackageRule } from './schema.js';

const IMPLICIT_KEYS = ['id', 'when', 'needs', 'message'] as const;
const WHEN_KEYS = ['imports', 'calls', 'strings', 'launchArgs'] as const;
const SYSTEM_KEYS = ['distribution', 'apt', 'apk', 'message'] as const;

export function readImplicitPackages(value: unknown, issues: Issues): ImplicitPackageRule[] | undefined {
  const rules = readList(value, 'implicitPackages', issues, readImplicitRule);
  // Findings name the rule by id, so two rules with one id could not be told apart.
  const seen = new Set<string>();
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      if (!isRecord(item) || typeof item.id !== 'string') return;
      if (seen.has(item.id)) issues.push(`implicitPackages[${i}].id: ${JSON.stringify(item.id)} is used twice`);
      seen.add(item.id);
    });
  }
  return rules;
}

export function readSystemPackages(value: unknown, issues: Issues): SystemPackageRule[] | undefined {
  return readList(value, 'systemPackages', issues, readSystemRule);
}

function readList<T>(
  value: unknown,
  path: string,
  issues: Issues,
  readItem: (item: Record<string, unknown>, path: string, issues: Issues) => T | undefined,
): T[] | undefined {
  if (!Array.isArray(value)) {
    issues.push(`${path}: expected an array of objects`);
    return undefined;
  }
  const out: T[] = [];
  value.forEach((item, i) => {
    const at = childPath(path, i);
    if (!isRecord(item)) {
      issues.push(`${at}: expected an object`);
      return;
    }
    const read = readItem(item, at, issues);
    if (read !== undefined) out.push(read);
  });
  return out;
}

function readImplicitRule(item: Record<string, unknown>, path: string, issues: Issues): ImplicitPackageRule | undefined {
  rejectUnknownKeys(item, IMPLICIT_KEYS, path, issues);
  const before = issues.length;
  const id = readString(item.id, childPath(path, 'id'), issues);
  const when = readWhen(item.when, childPath(path, 'when'), issues);
  const needs = readNeeds(item.needs, childPath(path, 'needs'), issues);
  const rule: ImplicitPackageRule = { id: id ?? '', when: when ?? {}, needs: needs ?? [] };
  if (item.message !== undefined) rule.message = readString(item.message, childPath(path, 'message'), issues);
  return issues.length === before ? rule : undefined;
}

/** A rule with no condition would fire on every service, which is never what was meant. */
function readWhen(value: unknown, path: string, issues: Issues): ImplicitPackageRule['when'] | undefined {
  if (!isRecord(value)) {
    issues.push(`${path}: expected an object with one or more of ${WHEN_KEYS.join(', ')}`);
    return undefined;
  }
  rejectUnknownKeys(value, WHEN_KEYS, path, issues);
  const when: ImplicitPackageRule['when'] = {};
  for (const key of WHEN_KEYS) {
    if (value[key] !== undefined) when[key] = readStringArray(value[key], childPath(path, key), issues);
  }
  if (!WHEN_KEYS.some((key) => (when[key]?.length ?? 0) > 0)) {
    issues.push(`${path}: expected at least one non-empty condition (${WHEN_KEYS.join(', ')})`);
  }
  return when;
}

function readNeeds(value: unknown, path: string, issues: Issues): string[][] | undefined {
  if (!Array.isArray(value) || value.length === 0) {
    issues.push(`${path}: expected a non-empty array of alternatives, e.g. [["psycopg2", "psycopg2-binary"]]`);
    return undefined;
  }
  const out: string[][] = [];
  value.forEach((alternatives, i) => {
    const at = childPath(path, i);
    if (Array.isArray(alternatives) && alternatives.length === 0) issues.push(`${at}: expected at least one distribution`);
    else {
      const read = readStringArray(alternatives, at, issues);
      if (read) out.push(read);
    }
  });
  return out;
}

function readSystemRule(item: Record<string, unknown>, path: string, issues: Issues): SystemPackageRule | undefined {
  rejectUnknownKeys(item, SYSTEM_KEYS, path, issues);
  const before = issues.length;
  const rule: SystemPackageRule = { distribution: readString(item.distribution, childPath(path, 'distribution'), issues) ?? '' };
  if (item.apt !== undefined) rule.apt = readStringArray(item.apt, childPath(path, 'apt'), issues);
  if (item.apk !== undefined) rule.apk = readStringArray(item.apk, childPath(path, 'apk'), issues);
  if (item.message !== undefined) rule.message = readString(item.message, childPath(path, 'message'), issues);
  if (rule.apt === undefined && rule.apk === undefined && issues.length === before) {
    issues.push(`${path}: expected apt or apk (the OS packages the distribution needs)`);
  }
  return issues.length === before ? rule : undefined;
}
