import type { Finding, ServiceAnalysis } from '../types.js';
import { suppressionKey, type Suppression } from './suppression.js';

/** Import-line suppressions of the Python files a service runs, and those of its Dockerfile. */
export function collectSuppressions(analysis: ServiceAnalysis): Suppression[] {
  const found: Suppression[] = [...(analysis.suppressions ?? [])];
  for (const [file, module] of analysis.modules) {
    for (const ref of module.imports) {
      if (ref.ignoredRules) found.push({ file, line: ref.line, rules: ref.ignoredRules });
    }
  }
  return found;
}

const silences = (s: Suppression, f: Finding): boolean => s.rules.length === 0 || s.rules.includes(f.rule) || s.rules.includes(f.code);
const identity = (s: Suppression): string => `${suppressionKey(s)}:${s.rules.join(',')}`;

/**
 * Drops the findings an inline comment silences, and returns the comments
 * that silenced nothing in any service (a stale ignore would hide the next
 * real breakage on that line).
 */
export function applySuppressions(findings: Finding[], suppressions: Suppression[]): { kept: Finding[]; unused: Suppression[] } {
  const byLine = new Map<string, Suppression[]>();
  for (const s of suppressions) byLine.set(suppressionKey(s), [...(byLine.get(suppressionKey(s)) ?? []), s]);
  const used = new Set<string>();
  const kept = findings.filter((finding) => {
    const match = byLine.get(suppressionKey(finding))?.find((s) => silences(s, finding));
    if (match) used.add(identity(match));
    return !match;
  });
  const unused = new Map<string, Suppression>();
  for (const s of suppressions) if (!used.has(identity(s))) unused.set(identity(s), s);
  return { kept, unused: [...unused.values()] };
}
