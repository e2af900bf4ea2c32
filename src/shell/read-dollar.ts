import { scanBalanced } from './scan-balanced.js';

/** What a `$…` at some position of the text stands for. */
export interface DollarRead {
  text: string;
  /** Index just after the construct. */
  end: number;
  /** True when a variable was substituted (its value is subject to field splitting). */
  substituted: boolean;
}

const NAME = /[A-Za-z_][A-Za-z0-9_]*/y;
const BRACED = /^([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-=+?])([\s\S]*))?$/;

/**
 * Reads the `$` construct at `pos`. Command substitutions stay opaque;
 * variables expand only when `env` knows them (or a default applies), so an
 * unresolved `$X` survives for callers to notice.
 */
export function readDollar(text: string, pos: number, env: Record<string, string> | undefined): DollarRead {
  const next = text[pos + 1];
  if (next === '(') {
    const end = scanBalanced(text, pos + 1, '(', ')');
    return { text: text.slice(pos, end), end, substituted: false };
  }
  if (next === '{') {
    const end = scanBalanced(text, pos + 1, '{', '}');
    const raw = text.slice(pos, end);
    const inner = text.slice(pos + 2, end - 1);
    const value = env ? expandBraced(inner, env) : undefined;
    return value === undefined ? { text: raw, end, substituted: false } : { text: value, end, substituted: true };
  }
  NAME.lastIndex = pos + 1;
  const name = NAME.exec(text)?.[0];
  if (name) {
    const end = pos + 1 + name.length;
    const value = env?.[name];
    return value === undefined
      ? { text: text.slice(pos, end), end, substituted: false }
      : { text: value, end, substituted: true };
  }
  if (next !== undefined && /[@*#?$!0-9-]/.test(next)) {
    return { text: text.slice(pos, pos + 2), end: pos + 2, substituted: false };
  }
  return { text: '$', end: pos + 1, substituted: false };
}

/** Value of `${inner}`, or undefined to keep it literal. */
function expandBraced(inner: string, env: Record<string, string>): string | undefined {
  const m = BRACED.exec(inner);
  if (!m) return undefined;
  const [, name = '', op, word = ''] = m;
  const value = env[name];
  const isSet = value !== undefined;
  const isNonEmpty = isSet && value !== '';
  const fallback = () => expandSimple(word, env);
  switch (op) {
    case undefined:
      return value;
    case ':-':
    case ':=':
      return isNonEmpty ? value : fallback();
    case '-':
    case '=':
      return isSet ? value : fallback();
    case ':+':
      return isNonEmpty ? fallback() : '';
    case '+':
      return isSet ? fallback() : '';
    default:
      return isSet ? value : undefined;
  }
}

/** Expands `$V`/`${V}` inside a default word; quotes around it are removed. */
function expandSimple(word: string, env: Record<string, string>): string {
  const unquoted = word.replace(/^(['"])([\s\S]*)\1$/, '$2');
  return unquoted.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (all, a?: string, b?: string) => {
    const v = env[(a ?? b) as string];
    return v ?? all;
  });
}

