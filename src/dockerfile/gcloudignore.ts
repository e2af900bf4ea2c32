import type { IgnoreMatcher } from './dockerignore.js';

/** One `.gcloudignore` line (gitignore semantics). */
export interface GitignorePattern {
  pattern: string;
  negated: boolean;
  /** A trailing `/`: matches directories only. */
  dirOnly: boolean;
  regex: RegExp | undefined;
  /** Ignore file and 1-based line the pattern came from. */
  source: string;
  line: number;
}

const INCLUDE = /^#!include:(.+)$/;

/** Files named by `#!include:` directives, as written (relative to the ignore file's directory). */
export function listGcloudIncludes(text: string): string[] {
  return text.split('\n').flatMap((line) => INCLUDE.exec(line.replace(/\r$/, ''))?.[1]?.trim() ?? []);
}

/**
 * Parses `.gcloudignore`: gitignore syntax, a pattern without a `/` matches
 * at any depth, and `#!include:FILE` splices in FILE's patterns (its text
 * comes from `readInclude`; an unreadable include adds nothing).
 */
export function parseGcloudIgnore(text: string, readInclude: (file: string) => string | undefined = () => undefined, source = '.gcloudignore'): GitignorePattern[] {
  const patterns: GitignorePattern[] = [];
  text.split('\n').forEach((raw, index) => {
    const line = (index === 0 ? raw.replace(/^\uFEFF/, '') : raw).replace(/\r$/, '');
    const include = INCLUDE.exec(line)?.[1]?.trim();
    if (include !== undefined) {
      const included = readInclude(include);
      if (included !== undefined) patterns.push(...parseGcloudIgnore(included, () => undefined, include));
      return;
    }
    if (line.startsWith('#')) return;
    let pattern = line.replace(/(?<!\\)\s+$/, '');
    if (pattern === '') return;
    const negated = pattern.startsWith('!');
    if (negated) pattern = pattern.slice(1);
    if (pattern.startsWith('\\#') || pattern.startsWith('\\!')) pattern = pattern.slice(1);
    const dirOnly = pattern.endsWith('/');
    pattern = pattern.replace(/\/+$/, '');
    if (pattern === '') return;
    patterns.push({ pattern, negated, dirOnly, regex: compileGitignorePattern(pattern), source, line: index + 1 });
  });
  return patterns;
}

function compileGitignorePattern(pattern: string): RegExp | undefined {
  const anchored = pattern.includes('/');
  let body = pattern.replace(/^\//, '');
  let re = anchored ? '^' : '^(?:.*/)?';
  if (body.startsWith('**/')) {
    re += '(?:.*/)?';
    body = body.slice(3);
  }
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (body.startsWith('/**/', i)) {
      re += '/(?:.*/)?';
      i += 3;
    } else if (body.startsWith('/**', i) && i + 3 === body.length) {
      re += '/.*';
      i += 2;
    } else if (ch === '*') {
      while (body[i + 1] === '*') i++;
      re += '[^/]*';
    } else if (ch === '?') re += '[^/]';
    else if (ch === '[') {
      const end = body.indexOf(']', i + 2);
      if (end < 0) re += '\\[';
      else {
        re += '[' + body.slice(i + 1, end).replace(/^!/, '^').replace(/\\/g, '\\\\') + ']';
        i = end;
      }
    } else if (ch === '\\' && i + 1 < body.length) re += escapeChar(body[++i]!);
    else re += escapeChar(ch);
  }
  try {
    return new RegExp(re + '$');
  } catch {
    return undefined;
  }
}

function escapeChar(ch: string): string {
  return /[\\^$.*+?()[\]{}|/-]/.test(ch) ? '\\' + ch : ch;
}

/** gitignore matching: the last matching pattern decides, and nothing inside an excluded directory can be re-included. */
export function createGcloudIgnoreMatcher(patterns: GitignorePattern[]): IgnoreMatcher {
  const dirs = new Map<string, boolean>();
  const decide = (target: string, isDir: boolean): boolean => {
    let excluded = false;
    for (const p of patterns) {
      if (p.dirOnly && !isDir) continue;
      if (p.regex?.test(target)) excluded = !p.negated;
    }
    return excluded;
  };
  const isDirExcluded = (dir: string): boolean => {
    if (dir === '') return false;
    let result = dirs.get(dir);
    if (result === undefined) {
      const slash = dir.lastIndexOf('/');
      result = isDirExcluded(slash < 0 ? '' : dir.slice(0, slash)) || decide(dir, true);
      dirs.set(dir, result);
    }
    return result;
  };
  return {
    isExcluded(target: string, isDir: boolean): boolean {
      if (patterns.length === 0) return false;
      if (isDir) return isDirExcluded(target);
      const slash = target.lastIndexOf('/');
      return isDirExcluded(slash < 0 ? '' : target.slice(0, slash)) || decide(target, false);
    },
  };
}
