import type { TransitiveOnly } from '../deps/dependency-analysis.js';
import type { Rule } from './rule.js';

/**
 * DG107 transitive-only — the code imports a distribution that is installed
 * only because a lock pins it for another package; the team's declaration
 * file does not list it. The next upgrade of that other package can drop it
 * and the import breaks. Example: `import requests` with only
 * google-cloud-storage declared. Fix: declare it directly (line given).
 */
export const transitiveOnly: Rule = {
  code: 'DG107',
  name: 'transitive-only',
  severity: 'warning',
  summary: 'an imported package is only a transitive pin of a lock, not declared directly (off unless turned on in `rules` or with --select)',
  why: 'an upgrade of the package that pulls it in can remove it',
  fix: 'declare the package directly in the declaration file (the line shown)',
  check: (analysis) =>
    (analysis.dependencies?.transitiveOnly ?? []).map((t) => ({
      code: transitiveOnly.code,
      rule: transitiveOnly.name,
      severity: transitiveOnly.severity,
      file: t.file,
      line: t.line,
      message: `${describe(t)}; declare it directly${t.declaredIn !== undefined ? ` in ${t.declaredIn}` : ''}`,
      module: t.module,
      distribution: t.distribution,
      chain: t.chain,
      ...(t.fix ? { fix: t.fix } : {}),
    })),
};

function describe(t: TransitiveOnly): string {
  if (t.lock !== undefined) return `module ${t.module} comes from ${t.distribution}, which ${t.lock} pins only as a dependency of another package`;
  return `module ${t.module} comes from ${t.distribution}, which no install names: it arrives only as a dependency of ${t.pulledInBy.join(', ')}`;
}
