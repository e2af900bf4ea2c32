import { compare, satisfies, valid } from '@renovatebot/pep440';

/**
 * PEP 440 checks with a fast path. The library parses each version with a
 * large regex (~50–500µs a call); nearly every real version is a plain
 * release (`3.0.3`), which compares as numbers. Anything else goes to the library.
 */
const PLAIN = /^\d+(\.\d+)*$/;

export function isValidVersion(version: string): boolean {
  return PLAIN.test(version) || valid(version) !== null;
}

export function compareVersions(a: string, b: string): number {
  if (!PLAIN.test(a) || !PLAIN.test(b)) return compare(a, b);
  const x = a.split('.').map(Number);
  const y = b.split('.').map(Number);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  return 0;
}

/** `version` satisfies every comma-separated clause of `specifier` (pre-releases allowed). */
export function satisfiesSpecifier(version: string, specifier: string): boolean {
  if (specifier === '') return true;
  const clauses = specifier.split(',');
  const fast = PLAIN.test(version) && clauses.every((c) => /^(==|!=|<=|>=|<|>|~=)\d+(\.\d+)*$/.test(c));
  if (!fast) return satisfies(version, specifier, { prereleases: true });
  return clauses.every((clause) => {
    const [, op, bound = ''] = /^(==|!=|<=|>=|<|>|~=)(.*)$/.exec(clause) ?? [];
    const order = compareVersions(version, bound);
    switch (op) {
      case '==': return order === 0;
      case '!=': return order !== 0;
      case '<': return order < 0;
      case '<=': return order <= 0;
      case '>': return order > 0;
      case '>=': return order >= 0;
      default: {
        // ~=2.2.1 means >=2.2.1 and ==2.2.*
        const prefix = bound.split('.').slice(0, -1);
        return order >= 0 && compareVersions(version.split('.').slice(0, prefix.length).join('.'), prefix.join('.')) === 0;
      }
    }
  });
}
