import type { SystemPackageRule as ConfigSystemRule } from '../../config/schema.js';
import type { Fix, ImageModel } from '../../types.js';
import type { SystemNeed } from '../dependency-analysis.js';
import type { InstalledSet } from '../installed/installed-set.js';
import { stageChain } from '../installed/stage-chain.js';
import { normalizeName } from '../normalize-name.js';
import { aptProvides } from './apt-closure.js';
import { findMissingGroups, systemRulesFor, type NeedGroups, type SystemPackageRule } from '../usage-rules.js';

/** Config rules in the bundled shape: each listed OS package is needed at run time. */
export function toSystemRules(rules: readonly ConfigSystemRule[]): SystemPackageRule[] {
  return rules.map((r) => ({
    distribution: normalizeName(r.distribution), severity: 'error', unlessInstalled: [], unlessExtras: [],
    runtime: { apt: (r.apt ?? []).map((p) => [p]), apk: (r.apk ?? []).map((p) => [p]) },
    message: r.message ?? `${r.distribution} needs ${[...(r.apt ?? []), ...(r.apk ?? [])].join(', ')} (config)`,
  }));
}

/**
 * Distributions that load or build against OS libraries: run-time needs
 * are checked against the final image (its FROM chain's apt/apk lines and
 * what the base image ships), build needs against the stage that installed it.
 * A run-time need fails the container only when something loads the
 * distribution: proven when the service's code imports it (`imported`, the
 * installed distributions its imports resolve to), else assumed, since an
 * installed library nothing imports loads nothing. A build need fails the
 * build whatever the code does. A distribution apt or apk installs
 * (python3-psycopg2) is prebuilt, and its Depends bring its libraries:
 * neither need applies to it.
 */
export function findSystemNeeds(set: InstalledSet, image: ImageModel, extraRules: readonly SystemPackageRule[], imported: ReadonlySet<string>): SystemNeed[] {
  const names = new Set(set.names());
  const rules = [...systemRulesFor(names), ...extraRules.filter((r) => names.has(r.distribution))];
  const needs: SystemNeed[] = [];
  for (const rule of rules) {
    const entry = set.entriesOf(rule.distribution).find((e) => e.osPackage === undefined);
    if (!entry) continue;
    // `psycopg[binary]` installs psycopg-binary, which no file names: the extra is the binary build.
    if (set.hasWithExtra(rule.distribution, rule.unlessExtras)) continue;
    const runtime = checkStage(rule.runtime, image.target, set, image);
    if (runtime && runtime.assumption === undefined && !imported.has(rule.distribution)) {
      runtime.assumption = `no module this service runs imports ${rule.distribution}, so ${runtime.packages.join(', ')} ${runtime.packages.length === 1 ? 'is' : 'are'} needed only if a library it imports loads it`;
    }
    if (runtime) needs.push(toNeed(rule, entry, 'runtime', runtime, image));
    if (rule.build && entry.stage !== undefined) {
      const build = checkStage(rule.build, entry.stage, set, image);
      if (build) needs.push(toNeed(rule, entry, 'build', build, image));
    }
  }
  return needs;
}

interface Unmet {
  manager: 'apt' | 'apk';
  packages: string[];
  stage: string;
  /** Why the absence is not proven (an unknown base image, an unreadable OS install). */
  assumption?: string;
}

/**
 * The OS packages a stage is known to have: its base image's (with what
 * apt pulls in) and every apt/apk line of its FROM chain. When the base
 * image or one RUN cannot be read, an unmet need is only an assumption.
 */
function checkStage(needs: { apt: NeedGroups; apk: NeedGroups } | undefined, stage: string, set: InstalledSet, image: ImageModel): Unmet | undefined {
  if (!needs) return undefined;
  const chain = stageChain(image, stage);
  const root = image.stages?.find((s) => s.label === chain.at(-1));
  const base = root?.base ?? image.base;
  const used = new Set(chain.flatMap((s) => [...(set.systemManagers.get(s) ?? [])]));
  const manager: 'apt' | 'apk' = base.kind === 'known' ? (base.family === 'alpine' ? 'apk' : 'apt') : used.has('apk') || /alpine/i.test(root?.baseImage ?? image.baseImage ?? '') ? 'apk' : 'apt';
  const installed = new Set([...(base.kind === 'known' ? base.systemPackages : []), ...chain.flatMap((s) => [...(set.systemPackages.get(s) ?? [])])]);
  const missing = findMissingGroups(needs[manager], (name) => (manager === 'apt' ? aptProvides(installed, name) : installed.has(name)));
  if (missing.length === 0) return undefined;
  const hidden = chain.map((s) => set.systemUnknown.get(s)).find((reason) => reason !== undefined);
  const assumption = base.kind === 'unknown'
    ? `${base.why}, so its OS packages are unknown; declare them with the config's "systemPackages" or "basePackages"`
    : used.has('dnf') ? 'the image installs OS packages with dnf/yum, whose package names dockguard does not know'
    : hidden !== undefined ? `the OS packages are not all known: ${hidden}`
    : undefined;
  return { manager, packages: missing.map((g) => g[0] as string), stage, ...(assumption !== undefined ? { assumption } : {}) };
}

function toNeed(rule: SystemPackageRule, entry: { file: string; line: number }, when: 'build' | 'runtime', unmet: Unmet, image: ImageModel): SystemNeed {
  const install = unmet.manager === 'apk'
    ? `RUN apk add --no-cache ${unmet.packages.join(' ')}`
    : `RUN apt-get update && apt-get install -y --no-install-recommends ${unmet.packages.join(' ')} && rm -rf /var/lib/apt/lists/*`;
  const line = firstLineOfStage(unmet.stage, image);
  const fix: Fix = { file: image.dockerfile, line, text: install, description: `install the ${when === 'build' ? 'build' : 'run-time'} libraries in stage ${unmet.stage}, after its FROM (line ${line})` };
  return {
    distribution: rule.distribution, file: entry.file, line: entry.line, packages: unmet.packages, manager: unmet.manager,
    when, reason: rule.message, severity: rule.severity, fix, ...(unmet.assumption !== undefined ? { assumption: unmet.assumption } : {}),
  };
}

/** The stage's FROM line is not modelled: the earliest RUN or COPY of the stage, minus one. */
function firstLineOfStage(stage: string, image: ImageModel): number {
  const lines = [...image.runs.filter((r) => r.stage === stage).map((r) => r.line), ...image.copies.filter((c) => c.stage === stage).map((c) => c.line)];
  return lines.length === 0 ? 1 : Math.min(...lines) - 1;
}
