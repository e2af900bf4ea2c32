import type { ParsedModule } from '../types.js';
import { readModuleCandidate } from './dynamic-imports.js';
import { getPythonQuery, type SyntaxNode } from './parser.js';
import { readStringLiteral } from './read-string-literal.js';
import { markEnvDefault, readEnvDefault } from './env-default-string.js';

const STRING_QUERY = '(string) @string';
/** Longer literals are prose or templates, not the URLs and settings usage rules match. */
const MAX_USAGE_STRING = 200;
const USAGE_MARKERS = ['://', 'django.db.backends.'];

const isUsageString = (value: string): boolean =>
  value.length < MAX_USAGE_STRING && (value.includes('://') || value.startsWith('django.db.backends.'));

/**
 * String literals that matter later: URLs and Django ENGINE values for usage
 * rules, and module paths when the module imports by computed name (the
 * lead keeps those naming repository modules).
 */
export function findStringFacts(
  root: SyntaxNode,
  source: string,
  hasComputedImport: boolean,
): { moduleCandidates: ParsedModule['dynamicCandidates']; usageStrings: string[] } {
  const moduleCandidates: ParsedModule['dynamicCandidates'] = [];
  if (hasComputedImport) {
    for (const { node } of getPythonQuery(STRING_QUERY).captures(root)) {
      const value = readStringLiteral(node.text);
      const candidate = value === undefined ? undefined : readModuleCandidate(value);
      if (candidate !== undefined) moduleCandidates.push({ value: candidate, line: node.startPosition.row + 1 });
    }
  }
  return { moduleCandidates, usageStrings: findUsageStrings(root, source) };
}

/**
 * Usage strings are rare, so instead of visiting every literal the text is
 * searched for their markers and the tree asked only what encloses each hit
 * (a hit in a comment or outside a literal is dropped).
 */
function findUsageStrings(root: SyntaxNode, source: string): string[] {
  const byStart = new Map<number, string | undefined>();
  for (const marker of USAGE_MARKERS) {
    for (let at = source.indexOf(marker); at !== -1; at = source.indexOf(marker, at + marker.length)) {
      const literal = enclosingString(root.descendantForIndex(at));
      if (!literal || byStart.has(literal.startIndex)) continue;
      const value = readStringLiteral(literal.text, { formatted: true });
      const variable = value === undefined ? undefined : readDefaultedVariable(literal);
      byStart.set(literal.startIndex, variable === undefined ? value : markEnvDefault(value!, variable));
    }
  }
  const inSourceOrder = [...byStart].sort(([a], [b]) => a - b).map(([, value]) => value);
  return [...new Set(inSourceOrder.filter((value): value is string => value !== undefined && isUsageString(readEnvDefault(value)?.value ?? value)))];
}

/** `os.environ.get(`, `os.getenv(`, `environ.get(`, `env.str(` / `env(` (environs, django-environ): lookups whose second argument is a default. */
const ENV_LOOKUP = /^(?:os\.)?(?:environ\.get|getenv)$|^env(?:\.(?:str|url|db_url|cache_url))?$/;

/**
 * The variable an environment lookup reads when `literal` is its default:
 * the second positional argument, or `default=`, of a lookup whose first
 * argument is a literal name.
 */
function readDefaultedVariable(literal: SyntaxNode): string | undefined {
  const holder = literal.parent?.type === 'keyword_argument' ? literal.parent : literal;
  const args = holder.parent;
  if (args?.type !== 'argument_list') return undefined;
  const isDefault = holder === literal ? args.namedChildren[1] === undefined ? false : args.namedChildren[1]!.startIndex === literal.startIndex : holder.childForFieldName('name')?.text === 'default';
  const callee = args.parent?.childForFieldName('function')?.text.replace(/\s+/g, '');
  const first = args.namedChildren[0];
  if (!isDefault || callee === undefined || !ENV_LOOKUP.test(callee) || first?.type !== 'string') return undefined;
  return readStringLiteral(first.text);
}

function enclosingString(node: SyntaxNode | null): SyntaxNode | undefined {
  for (let current = node, depth = 0; current && depth < 3; current = current.parent, depth++) {
    if (current.type === 'string') return current;
  }
  return undefined;
}
