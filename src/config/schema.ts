import { ConfigError } from '../errors.js';
import { isRecord, readBoolean, readRecord, readStringArray, rejectUnknownKeys, type Issues } from './check-value.js';
import { readImplicitPackages, readSystemPackages } from './validate-package-rules.js';
import { readServices } from './validate-services.js';
import { readPathIgnores, readRuleSettings, type PathIgnore, type RuleSetting } from './validate-rule-control.js';

/** One explicit build of a Dockerfile; paths are repository-relative as written. */
export interface ServiceConfig {
  dockerfile: string;
  context: string;
  /** Required and distinct when the same Dockerfile is listed more than once (variants). */
  name?: string;
  target?: string;
  buildArgs?: Record<string, string>;
  /** A string is a shell-form command, an array an exec-form argv. */
  entrypoint?: string | string[];
  roots?: string[];
}

/** A package the code needs without importing it (a SQLAlchemy URL needs a driver, …). */
export interface ImplicitPackageRule {
  id: string;
  when: { imports?: string[]; calls?: string[]; strings?: string[]; launchArgs?: string[] };
  /** Every inner array must be satisfied by one of its alternatives. */
  needs: string[][];
  message?: string;
}

/** A distribution that needs OS packages at run time (psycopg2 → libpq5, …). */
export interface SystemPackageRule {
  distribution: string;
  apt?: string[];
  apk?: string[];
  message?: string;
}

export interface DockguardConfig {
  services: ServiceConfig[];
  /** Globs over repository-relative paths (`**` crosses folders). */
  exclude: string[];
  /** Extra root files by Dockerfile path or service name: code loaded by string name. */
  roots: Record<string, string[]>;
  /** Import prefix → distribution. */
  packageMap: Record<string, string>;
  /** Base image glob (`ghcr.io/acme/ml-base:*`) → distributions it already holds. */
  basePackages: Record<string, string[]>;
  implicitPackages: ImplicitPackageRule[];
  systemPackages: SystemPackageRule[];
  /** Defaults to on: the hook runs on every commit and must stay fast. */
  cache: boolean;
  /** Rule name → severity or off, over the rules' defaults (see DEFAULT_RULE_SETTINGS). */
  rules: Record<string, RuleSetting>;
  /** Rules not reported on some paths. */
  ignore: PathIgnore[];
}

/**
 * Rules off unless a config turns them on. `transitive-only` is advice about
 * how a lock may change one day, not a fault of the image being built.
 */
export const DEFAULT_RULE_SETTINGS: Readonly<Record<string, RuleSetting>> = { 'transitive-only': 'off' };

const TOP_LEVEL_KEYS = [
  'services', 'exclude', 'roots', 'packageMap', 'basePackages', 'implicitPackages', 'systemPackages', 'cache', 'rules', 'ignore',
] as const;

export function createDefaultConfig(): DockguardConfig {
  return {
    services: [],
    exclude: [],
    roots: {},
    packageMap: {},
    basePackages: {},
    implicitPackages: [],
    systemPackages: [],
    cache: true,
    rules: {},
    ignore: [],
  };
}

/**
 * Checks a parsed config file strictly: unknown keys and wrong types are all
 * collected with their key path and thrown together as one ConfigError.
 */
export function validateConfig(raw: unknown, source: string): DockguardConfig {
  const config = createDefaultConfig();
  const issues: Issues = [];
  if (raw === undefined) return config;
  if (raw === null) throw new ConfigError(`${source}: the dockguard config is null; write {} for an empty config`);
  if (!isRecord(raw)) throw new ConfigError(`${source}: the dockguard config must be an object`);
  rejectUnknownKeys(raw, TOP_LEVEL_KEYS, '', issues);
  config.services = optional(raw.services, () => readServices(raw.services, issues)) ?? [];
  config.exclude = optional(raw.exclude, () => readStringArray(raw.exclude, 'exclude', issues)) ?? [];
  config.roots = optional(raw.roots, () => readRecord(raw.roots, 'roots', issues, readStringArray)) ?? {};
  config.packageMap = optional(raw.packageMap, () => readRecord(raw.packageMap, 'packageMap', issues, readStringValue)) ?? {};
  config.basePackages =
    optional(raw.basePackages, () => readRecord(raw.basePackages, 'basePackages', issues, readStringArray)) ?? {};
  config.implicitPackages = optional(raw.implicitPackages, () => readImplicitPackages(raw.implicitPackages, issues)) ?? [];
  config.systemPackages = optional(raw.systemPackages, () => readSystemPackages(raw.systemPackages, issues)) ?? [];
  config.cache = optional(raw.cache, () => readBoolean(raw.cache, 'cache', issues)) ?? true;
  config.rules = optional(raw.rules, () => readRuleSettings(raw.rules, issues)) ?? {};
  config.ignore = optional(raw.ignore, () => readPathIgnores(raw.ignore, issues)) ?? [];
  if (issues.length > 0) {
    throw new ConfigError(
      `invalid config in ${source}: ${issues.join('; ')}`,
      'fix the keys listed above (see the README for the config reference)',
    );
  }
  return config;
}

function optional<T>(value: unknown, read: () => T | undefined): T | undefined {
  return value === undefined ? undefined : read();
}

function readStringValue(value: unknown, path: string, issues: Issues): string | undefined {
  if (typeof value === 'string' && value.trim() !== '') return value;
  issues.push(`${path}: expected a string`);
  return undefined;
}
