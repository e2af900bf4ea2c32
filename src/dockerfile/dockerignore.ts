import path from 'node:path';

/** One `.dockerignore` line, compiled (moby/patternmatcher semantics). */
export interface IgnorePattern {
  /** Cleaned pattern without the leading `!`. */
  pattern: string;
  /** A `!` line: re-includes what it matches. */
  exclusion: boolean;
  /** 1-based line in the ignore file. */
  line: number;
  /** Undefined when the pattern is not a valid regular expression (it then never matches). */
  regex: RegExp | undefined;
}

export interface IgnoreMatcher {
  /** `path` is context-relative with `/` separators and no leading `./`. */
  isExcluded(path: string, isDir: boolean): boolean;
}

/** Parses ignore-file text like patternmatcher's `ignorefile.ReadAll`. */
export function parseIgnoreFile(text: string): IgnorePattern[] {
  const patterns: IgnorePattern[] = [];
  const lines = text.split('\n');
  lines.forEach((raw, index) => {
    let line = index === 0 ? raw.replace(/^\uFEFF/, '') : raw;
    line = line.replace(/\r$/, '');
    // Only column 1 starts a comment: "  # x" is a pattern.
    if (line.startsWith('#')) return;
    let pattern = line.trim();
    if (pattern === '') return;
    const exclusion = pattern.startsWith('!');
    if (exclusion) pattern = pattern.slice(1).trim();
    if (pattern === '') return;
    pattern = path.posix.normalize(pattern).replace(/(.)\/+$/, '$1');
    if (pattern.length > 1 && pattern.startsWith('/')) pattern = pattern.slice(1);
    patterns.push({ pattern, exclusion, line: index + 1, regex: compileDockerPattern(pattern) });
  });
  return patterns;
}

/**
 * patternmatcher's `Pattern.compile`: `*` and `?` stay inside one segment,
 * `**` spans segments (zero included), `\x` is a literal x, brackets are classes.
 */
export function compileDockerPattern(pattern: string): RegExp | undefined {
  // patternmatcher's suffixMatch shortcut: `**` + a literal tail is a plain suffix test.
  const tail = /^\*\*([^*?[\]\\]+)$/.exec(pattern)?.[1];
  if (tail !== undefined) {
    const literal = (text: string) => [...text].map(escapeRegex).join('');
    return new RegExp(tail.startsWith('/') ? `^(.*${literal(tail)}|${literal(tail.slice(1))})$` : `^.*${literal(tail)}$`);
  }
  let re = '^';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch === '*') {
      if (pattern[i + 1] === '*') {
        i++;
        if (pattern[i + 1] === '/') i++;
        re += i + 1 >= pattern.length ? '.*' : '(.*/)?';
      } else {
        re += '[^/]*';
      }
    } else if (ch === '?') {
      re += '[^/]';
    } else if ('.+()|{}$'.includes(ch)) {
      re += '\\' + ch;
    } else if (ch === '\\') {
      const next = pattern[i + 1];
      if (next === undefined) re += '\\\\';
      else re += escapeRegex(next), i++;
    } else {
      re += ch;
    }
  }
  try {
    return new RegExp(re + '$');
  } catch {
    return undefined;
  }
}

function escapeRegex(ch: string): string {
  return /[\\^$.*+?()[\]{}|/-]/.test(ch) ? '\\' + ch : ch;
}

/**
 * patternmatcher's `MatchesUsingParentResults` with the per-directory memo
 * a context walk keeps: a pattern that matched a directory matches all of
 * its contents, the last deciding pattern wins, and a pattern that cannot
 * change the outcome is not evaluated (which settles repeated patterns).
 */
export function createIgnoreMatcher(patterns: IgnorePattern[]): IgnoreMatcher {
  const none: boolean[] = patterns.map(() => false);
  const dirInfo = new Map<string, boolean[]>();

  const evaluate = (target: string, parent: boolean[]): { excluded: boolean; info: boolean[] } => {
    let excluded = false;
    const info = new Array<boolean>(patterns.length);
    for (let i = 0; i < patterns.length; i++) {
      const p = patterns[i]!;
      let match = parent[i]!;
      if (!match) {
        if (p.exclusion !== excluded) {
          info[i] = false;
          continue;
        }
        match = p.regex?.test(target) ?? false;
      }
      info[i] = match;
      if (match) excluded = !p.exclusion;
    }
    return { excluded, info };
  };

  const infoOf = (dir: string): boolean[] => {
    if (dir === '' || dir === '.') return none;
    let info = dirInfo.get(dir);
    if (!info) {
      info = evaluate(dir, infoOf(parentDir(dir))).info;
      dirInfo.set(dir, info);
    }
    return info;
  };

  return {
    isExcluded(target: string, isDir: boolean): boolean {
      if (patterns.length === 0) return false;
      const result = evaluate(target, infoOf(parentDir(target)));
      if (isDir) dirInfo.set(target, result.info);
      return result.excluded;
    },
  };
}

function parentDir(p: string): string {
  const slash = p.lastIndexOf('/');
  return slash < 0 ? '' : p.slice(0, slash);
}

/**
 * The line that excludes a context path, for messages: the last pattern
 * matching it or one of its folders decides (a folder's match covers its
 * contents), as in `createIgnoreMatcher`. Undefined when none excludes it.
 */
export function findExcludingPattern(patterns: readonly IgnorePattern[], target: string): IgnorePattern | undefined {
  const candidates = target.split('/').map((_, i, parts) => parts.slice(0, i + 1).join('/'));
  let deciding: IgnorePattern | undefined;
  for (const p of patterns) if (candidates.some((c) => p.regex?.test(c))) deciding = p;
  return deciding && !deciding.exclusion ? deciding : undefined;
}
