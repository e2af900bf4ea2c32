import { parseSpecifier } from './parse-requirement.js';

/**
 * Poetry's constraint syntax → a PEP 440 specifier: `^1.2` → `>=1.2,<2`,
 * `~1.2.3` → `>=1.2.3,<1.3`, `1.2.3` → `==1.2.3`, `*` → ''. A union (`||`)
 * cannot be one PEP 440 specifier and widens to ''. undefined = not Poetry syntax.
 */
export function convertPoetryConstraint(constraint: string): string | undefined {
  const text = constraint.trim();
  if (text === '' || text === '*') return '';
  if (text.includes('||')) return text.split('||').every((part) => convertPoetryConstraint(part) !== undefined) ? '' : undefined;
  const clauses = text.split(/\s*,\s*|\s+(?=[<>=!~^\d])/).filter(Boolean);
  const out: string[] = [];
  for (const clause of clauses) {
    const converted = convertClause(clause.replace(/\s+/g, ''));
    if (converted === undefined) return undefined;
    out.push(converted);
  }
  return parseSpecifier(out.join(','));
}

function convertClause(clause: string): string | undefined {
  if (clause === '*') return '>=0';
  if (clause.startsWith('^')) return bounded(clause.slice(1), (parts) => {
    const firstNonZero = parts.findIndex((p) => p !== 0);
    return firstNonZero < 0 ? parts.length - 1 : firstNonZero;
  });
  if (clause.startsWith('~') && !clause.startsWith('~=')) return bounded(clause.slice(1), (parts) => (parts.length >= 2 ? 1 : 0));
  if (/^\d/.test(clause)) return `==${clause}`;
  if (/^(===|==|!=|<=|>=|~=|<|>)/.test(clause)) return clause;
  return undefined;
}

/** `>=v,<upper` where upper bumps the release part chosen by `pick` and drops the rest. */
function bounded(version: string, pick: (parts: number[]) => number): string | undefined {
  const release = /^(\d+(?:\.\d+)*)/.exec(version)?.[1];
  if (!release) return undefined;
  const parts = release.split('.').map(Number);
  const at = pick(parts);
  const upper = parts.slice(0, at + 1).map((p, i) => (i === at ? p + 1 : p));
  while (upper.length < Math.min(parts.length, 2)) upper.push(0);
  return `>=${version},<${upper.join('.')}`;
}
