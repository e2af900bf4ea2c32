import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ConfigError } from '../errors.js';
import { parseConfigText, type ConfigFormat } from './parse-config-text.js';
import { createDefaultConfig, validateConfig, type DockguardConfig } from './schema.js';

export const CONFIG_FILE_NAME = 'dockguard.config.json';

interface FoundConfig {
  raw: unknown;
  source: string;
}

/**
 * Finds and validates the config. `--config FILE` wins (relative paths are
 * taken from `repoRoot`; the CLI should pass an absolute path); otherwise
 * exactly one of dockguard.config.json, package.json `dockguard`, or
 * pyproject.toml `[tool.dockguard]` may hold it: two would silently disagree.
 */
export async function loadConfig(
  repoRoot: string,
  explicitPath?: string,
  readText: TextReader = readFromDisk,
): Promise<{ config: DockguardConfig; source: string | undefined }> {
  if (explicitPath !== undefined) {
    const found = await readExplicitConfig(path.resolve(repoRoot, explicitPath), explicitPath, readText);
    return { config: validateConfig(found.raw, found.source), source: found.source };
  }
  const candidates = await Promise.all([
    readOwnConfigFile(repoRoot, readText),
    readEmbeddedConfig(repoRoot, 'package.json', 'json', ['dockguard'], readText),
    readEmbeddedConfig(repoRoot, 'pyproject.toml', 'toml', ['tool', 'dockguard'], readText),
  ]);
  const present = candidates.filter((c): c is FoundConfig => c !== undefined);
  if (present.length > 1) {
    throw new ConfigError(
      `dockguard config found in several places: ${present.map((c) => c.source).join(', ')}`,
      'keep the config in one of them and delete the others',
    );
  }
  const found = present[0];
  if (!found) return { config: createDefaultConfig(), source: undefined };
  return { config: validateConfig(found.raw, found.source), source: found.source };
}

async function readExplicitConfig(absolute: string, shown: string, readText: TextReader): Promise<FoundConfig> {
  const text = await readText(absolute);
  if (text === undefined) throw new ConfigError(`config file not found: ${shown}`, 'check the --config path');
  const base = path.basename(absolute);
  if (base === 'package.json') return { raw: requireSection(parseConfigText(text, 'json', shown), ['dockguard'], shown), source: shown };
  if (base === 'pyproject.toml') {
    return { raw: requireSection(parseConfigText(text, 'toml', shown), ['tool', 'dockguard'], shown), source: shown };
  }
  return { raw: parseConfigText(text, formatOf(base), shown), source: shown };
}

async function readOwnConfigFile(repoRoot: string, readText: TextReader): Promise<FoundConfig | undefined> {
  const text = await readText(path.join(repoRoot, CONFIG_FILE_NAME));
  if (text === undefined) return undefined;
  return { raw: parseConfigText(text, 'json', CONFIG_FILE_NAME), source: CONFIG_FILE_NAME };
}

async function readEmbeddedConfig(
  repoRoot: string,
  file: string,
  format: ConfigFormat,
  keys: string[],
  readText: TextReader,
): Promise<FoundConfig | undefined> {
  const text = await readText(path.join(repoRoot, file));
  // Cheap test first: most package.json / pyproject.toml files carry no dockguard section.
  if (text === undefined || !text.includes('dockguard')) return undefined;
  const raw = pick(parseConfigText(text, format, file), keys);
  return raw === undefined ? undefined : { raw, source: file };
}

/** An explicitly named file without a dockguard section is a mistake, not an empty config. */
function requireSection(value: unknown, keys: string[], shown: string): unknown {
  const raw = pick(value, keys);
  if (raw === undefined) throw new ConfigError(`${shown} has no ${keys.join('.')} section`, 'check the --config path');
  return raw;
}

function pick(value: unknown, keys: string[]): unknown {
  let current = value;
  for (const key of keys) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

function formatOf(base: string): ConfigFormat {
  if (base.endsWith('.toml')) return 'toml';
  if (base.endsWith('.yaml') || base.endsWith('.yml')) return 'yaml';
  return 'json';
}

/** Reads a config candidate by absolute path; undefined when it does not exist. */
export type TextReader = (absolutePath: string) => Promise<string | undefined>;

async function readFromDisk(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw new ConfigError(`cannot read ${file}: ${code ?? String(error)}`);
  }
}
