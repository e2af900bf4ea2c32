import {
  childPath, isRecord, readRecord, readRepoRelativePath, readString, readStringArray, rejectUnknownKeys, type Issues,
} from './check-value.js';
import type { ServiceConfig } from './schema.js';

const SERVICE_KEYS = ['dockerfile', 'context', 'name', 'target', 'buildArgs', 'entrypoint', 'roots'] as const;

/** `services`: explicit builds; one Dockerfile listed twice needs a distinct `name` on each entry. */
export function readServices(value: unknown, issues: Issues): ServiceConfig[] | undefined {
  if (!Array.isArray(value)) {
    issues.push('services: expected an array of { dockerfile, context, … } objects');
    return undefined;
  }
  const services: ServiceConfig[] = [];
  value.forEach((entry, i) => {
    const service = readService(entry, childPath('services', i), issues);
    if (service) services.push(service);
  });
  checkVariantNames(value, issues);
  return services;
}

function readService(entry: unknown, path: string, issues: Issues): ServiceConfig | undefined {
  if (!isRecord(entry)) {
    issues.push(`${path}: expected an object with dockerfile and context`);
    return undefined;
  }
  rejectUnknownKeys(entry, SERVICE_KEYS, path, issues);
  const at = (key: string): string => childPath(path, key);
  const before = issues.length;
  const service: ServiceConfig = {
    dockerfile: readRequiredPath(entry.dockerfile, at('dockerfile'), issues),
    context: readRequiredPath(entry.context, at('context'), issues),
  };
  if (entry.name !== undefined) service.name = readString(entry.name, at('name'), issues);
  if (entry.target !== undefined) service.target = readString(entry.target, at('target'), issues);
  if (entry.buildArgs !== undefined) service.buildArgs = readRecord(entry.buildArgs, at('buildArgs'), issues, readArgValue);
  if (entry.entrypoint !== undefined) service.entrypoint = readEntrypoint(entry.entrypoint, at('entrypoint'), issues);
  if (entry.roots !== undefined) service.roots = readStringArray(entry.roots, at('roots'), issues);
  return issues.length === before ? service : undefined;
}

function readRequiredPath(value: unknown, path: string, issues: Issues): string {
  if (value === undefined) {
    issues.push(`${path}: required`);
    return '';
  }
  return readRepoRelativePath(value, path, issues) ?? '';
}

/** Build args may be empty strings (`--build-arg X=` is legal). */
function readArgValue(value: unknown, path: string, issues: Issues): string | undefined {
  if (typeof value === 'string') return value;
  issues.push(`${path}: expected a string`);
  return undefined;
}

function readEntrypoint(value: unknown, path: string, issues: Issues): string | string[] | undefined {
  if (typeof value === 'string') return readString(value, path, issues);
  if (Array.isArray(value) && value.length > 0) return readStringArray(value, path, issues);
  issues.push(`${path}: expected a command string or a non-empty array of strings`);
  return undefined;
}

/** Variants of one Dockerfile are told apart only by name, so names must exist and be unique. */
function checkVariantNames(entries: unknown[], issues: Issues): void {
  const byDockerfile = new Map<string, number[]>();
  const byName = new Map<string, number>();
  entries.forEach((entry, i) => {
    if (!isRecord(entry)) return;
    if (typeof entry.dockerfile === 'string') {
      const key = normalizeForCompare(entry.dockerfile);
      byDockerfile.set(key, [...(byDockerfile.get(key) ?? []), i]);
    }
    if (typeof entry.name === 'string') {
      const first = byName.get(entry.name);
      if (first === undefined) byName.set(entry.name, i);
      else issues.push(`services[${i}].name: ${JSON.stringify(entry.name)} is already used by services[${first}]`);
    }
  });
  for (const [dockerfile, indexes] of byDockerfile) {
    if (indexes.length < 2) continue;
    for (const i of indexes) {
      const entry = entries[i] as Record<string, unknown>;
      if (entry.name === undefined) {
        issues.push(`services[${i}].name: required because ${dockerfile} is listed ${indexes.length} times`);
      }
    }
  }
}

function normalizeForCompare(path: string): string {
  return path.split('/').filter((p) => p !== '' && p !== '.').join('/');
}
