import type { InspectedService } from '../inspect-service.js';
import type { ModuleExplanation } from './explanation.js';

/**
 * The distribution a third-party module comes from, as the check matched
 * it when the code imports it (the dependency analysis' own record), else
 * as the same distribution map would: its candidates, and the one the
 * image installs, with the file and line that installs it.
 */
export function explainDistribution(module: string, seen: InspectedService): NonNullable<ModuleExplanation['distribution']> {
  const deps = seen.analysis.dependencies;
  const installedFrom = (name: string | undefined) => {
    const entry = name === undefined ? undefined : deps?.installedFrom?.find((e) => e.distribution === name);
    return entry ? { from: { file: entry.file, line: entry.line } } : {};
  };
  const check =
    deps?.checks.find((c) => c.module === module) ?? deps?.checks.find((c) => module.startsWith(`${c.module}.`) || c.module.startsWith(`${module}.`));
  if (check) {
    return { names: [check.distribution], source: check.source, ...(check.installedAs ? { installed: check.installedAs } : {}), ...installedFrom(check.installedAs) };
  }
  const candidates = seen.ctx.dependencies.map.candidatesFor(module);
  const installed = candidates.map((c) => c.distribution).find((name) => deps?.installed.includes(name));
  const source = candidates[0]?.source ?? 'none';
  return { names: candidates.map((c) => c.distribution), source, ...(installed ? { installed } : {}), ...installedFrom(installed) };
}
