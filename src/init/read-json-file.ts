import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../errors.js';

/** Parses a JSON file the user owns; a syntax error stops init with the file named. */
export function readJsonFile(file: string, root: string): Record<string, unknown> {
  try {
    const value = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch (error) {
    throw new ConfigError(`${path.relative(root, file)} is not valid JSON: ${(error as Error).message}`, 'fix the file, then run dockguard init again');
  }
  throw new ConfigError(`${path.relative(root, file)} does not hold a JSON object`);
}

/** Text with the same indentation and final newline as the file it replaces. */
export function formatJsonLike(original: string, value: unknown): string {
  const indent = /^[ \t]+(?=")/m.exec(original)?.[0] ?? '  ';
  return JSON.stringify(value, null, indent) + (original.endsWith('\n') || original === '' ? '\n' : '');
}
