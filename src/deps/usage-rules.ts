/**
 * Packages that code needs without importing them (a pandas call that loads
 * pyarrow, a database URL that names a driver), system libraries some wheels
 * load, and the programs a container command starts. Data lives in data/*.json;
 * the matchers here are pure.
 */
import { dataFile } from '../package-root.js';
import { readFileSync } from 'node:fs';
import type { ImportRef } from '../types.js';
import { normalizeName } from './normalize-name.js';

/** AND of OR-groups: every group needs one of its names installed. */
export type NeedGroups = string[][];

export interface ImplicitPackageRule {
  id: string;
  /** Every listed key must match; within a key, any value. */
  when: { imports?: string[]; calls?: string[]; strings?: string[]; launchArgs?: string[] };
  /** Normalised distribution names. */
  needs: NeedGroups;
  message: string;
  /** The distribution with the extra that installs the needs (`sqlalchemy[asyncio]`): the fix to propose. */
  extra?: string;
  /** What a match takes for granted when its keys only co-occur in the module (a `gs://` string and a read_csv() call): the finding is a warning naming it. */
  assumption?: string;
}

/** What one module (and the command that launches it) does, as seen by the parser. */
export interface ModuleUsage {
  /** Imported modules; from-imports also as `module.name` (see `importedNames`). */
  imports: string[];
  calls: string[];
  strings: string[];
  launchArgs: string[];
}

export interface ImplicitRuleMatch {
  rule: ImplicitPackageRule;
  /** What made each `when` key match, for the message: `import google.cloud.bigquery`, `call to_dataframe()`. */
  evidence: string[];
}

export interface SystemPackageRule {
  /** Normalised distribution that needs the libraries. */
  distribution: string;
  severity: 'error' | 'warning';
  /** Needed where pip builds it from source. */
  build?: { apt: NeedGroups; apk: NeedGroups };
  /** Needed in the final image. */
  runtime?: { apt: NeedGroups; apk: NeedGroups };
  /** Normalised distributions that make the rule moot (a binary build). */
  unlessInstalled: string[];
  /** Normalised extras of the distribution itself that install one of those (`psycopg[binary]`). */
  unlessExtras: string[];
  message: string;
}

export type ProgramProvider =
  /** `osPackages`: OS packages that install the program too (`apt-get install supervisor`), per package manager. */
  | { kind: 'distribution'; distributions: string[]; viaExtras: Array<{ distribution: string; extras: string[] }>; osPackages: { apt: string[]; apk: string[] } }
  | { kind: 'system' }
  | { kind: 'unknown' };

const load = <T>(name: string): T =>
  // data/ sits at the package root, two levels above both src/deps/ and dist/deps/.
  JSON.parse(readFileSync(dataFile(name), 'utf8')) as T;

const normalizeGroups = (groups: NeedGroups | undefined): NeedGroups => (groups ?? []).map((g) => g.map(normalizeName));

export const IMPLICIT_PACKAGE_RULES: readonly ImplicitPackageRule[] = load<{ rules: ImplicitPackageRule[] }>(
  'implicit-packages.json',
).rules.map((rule) => ({ ...rule, needs: normalizeGroups(rule.needs) }));

interface SystemData {
  rules: Array<Omit<SystemPackageRule, 'severity' | 'unlessInstalled' | 'unlessExtras'> & { severity?: 'error' | 'warning'; unlessInstalled?: string[]; unlessExtras?: string[] }>;
}
const SYSTEM = load<SystemData>('system-packages.json');

export const SYSTEM_PACKAGE_RULES: readonly SystemPackageRule[] = SYSTEM.rules.map((rule) => ({
  ...rule,
  distribution: normalizeName(rule.distribution),
  severity: rule.severity ?? 'error',
  unlessInstalled: (rule.unlessInstalled ?? []).map(normalizeName),
  unlessExtras: (rule.unlessExtras ?? []).map(normalizeName),
}));

const PROGRAMS = load<{ programs: Record<string, { distributions: string[]; viaExtras?: Array<{ distribution: string; extras: string[] }>; osPackages?: { apt?: string[]; apk?: string[] } }>; notPackages: string[] }>(
  'entrypoint-programs.json',
);

type WhenKey = keyof ImplicitPackageRule['when'];

/** Per `when` key: does one value match the usage, and how to say so. */
const WHEN_TESTS: Record<WhenKey, { test(value: string, usage: ModuleUsage, rule: ImplicitPackageRule): boolean; describe(value: string): string }> = {
  imports: { test: (p, u) => u.imports.some((m) => m === p || m.startsWith(`${p}.`)), describe: (p) => `import ${p}` },
  calls: { test: (c, u, rule) => u.calls.some((call) => isCallOf(call, c, rule)), describe: (c) => `call ${c}()` },
  strings: { test: (s, u) => u.strings.some((text) => containsLiteral(text, s)), describe: (s) => `string "${s}"` },
  launchArgs: { test: (w, u) => u.launchArgs.some((a) => a === w || a.endsWith(`=${w}`)), describe: (w) => `command argument ${w}` },
};

/**
 * A call the parser names (`read_parquet` for a method or unbound function,
 * `pandas.read_parquet` for one reached through an import) against a rule's
 * value: a qualified value (`fastapi.File`) needs that very binding; a bare
 * one (`read_parquet`) is a method name or a function of the modules the rule
 * imports, never the same name of another library (`polars.read_parquet`).
 */
function isCallOf(call: string, value: string, rule: ImplicitPackageRule): boolean {
  if (call === value) return true;
  if (value.includes('.') || !call.endsWith(`.${value}`)) return false;
  const owner = call.slice(0, -value.length - 1);
  const imports = rule.when.imports ?? [];
  return imports.length === 0 ? !owner.startsWith('.') : imports.some((m) => owner === m || owner.startsWith(`${m}.`));
}

/**
 * Substring match, except that a URL scheme (`mysql://`) must start the scheme:
 * `mysql+pymysql://` contains `pymysql://` and so `mysql://`, which is another driver.
 */
export function containsLiteral(text: string, value: string): boolean {
  if (!value.endsWith('://')) return text.includes(value);
  for (let at = text.indexOf(value); at !== -1; at = text.indexOf(value, at + 1)) {
    if (at === 0 || !/[A-Za-z0-9+.-]/.test(text[at - 1] as string)) return true;
  }
  return false;
}

/** Rules whose every `when` key matches the module's usage. */
export function matchImplicitRules(rules: readonly ImplicitPackageRule[], usage: ModuleUsage): ImplicitRuleMatch[] {
  const matches: ImplicitRuleMatch[] = [];
  for (const rule of rules) {
    const evidence = evidenceFor(rule, usage);
    if (evidence !== undefined) matches.push({ rule, evidence });
  }
  return matches;
}

function evidenceFor(rule: ImplicitPackageRule, usage: ModuleUsage): string[] | undefined {
  const evidence: string[] = [];
  for (const key of Object.keys(WHEN_TESTS) as WhenKey[]) {
    const values = rule.when[key];
    if (values === undefined || values.length === 0) continue;
    const { test, describe } = WHEN_TESTS[key];
    const hit = values.find((value) => test(value, usage, rule));
    if (hit === undefined) return undefined;
    evidence.push(describe(hit));
  }
  // A rule with no conditions would fire everywhere: treat it as matching nothing.
  return evidence.length > 0 ? evidence : undefined;
}

/** Groups none of whose names `isInstalled` accepts. */
export function findMissingGroups(groups: NeedGroups, isInstalled: (name: string) => boolean): NeedGroups {
  return groups.filter((group) => !group.some(isInstalled));
}

/** `from google.cloud import bigquery` → `google.cloud` and `google.cloud.bigquery`; relative imports skipped. */
export function importedNames(imports: readonly ImportRef[]): string[] {
  const names = new Set<string>();
  for (const ref of imports) {
    if (ref.level > 0 || ref.module === '') continue;
    names.add(ref.module);
    for (const name of ref.names) if (name !== '*') names.add(`${ref.module}.${name}`);
  }
  return [...names];
}

/** System-library rules that apply to an image installing `distributions` (normalised names). */
export function systemRulesFor(distributions: ReadonlySet<string>): SystemPackageRule[] {
  return SYSTEM_PACKAGE_RULES.filter(
    (rule) => distributions.has(rule.distribution) && !rule.unlessInstalled.some((d) => distributions.has(d)),
  );
}

/** Which distributions install a program (`/app/.venv/bin/gunicorn` → gunicorn), or that it is no package. */
export function programProvider(program: string): ProgramProvider {
  const name = program.slice(program.lastIndexOf('/') + 1);
  if (PROGRAMS.notPackages.includes(name) || /^(?:python|pypy)\d+(?:\.\d+)?$/.test(name)) return { kind: 'system' };
  const entry = Object.hasOwn(PROGRAMS.programs, name) ? PROGRAMS.programs[name] : undefined;
  if (entry === undefined) return { kind: 'unknown' };
  return {
    kind: 'distribution',
    distributions: entry.distributions.map(normalizeName),
    viaExtras: (entry.viaExtras ?? []).map((v) => ({ distribution: normalizeName(v.distribution), extras: v.extras })),
    osPackages: { apt: entry.osPackages?.apt ?? [], apk: entry.osPackages?.apk ?? [] },
  };
}
