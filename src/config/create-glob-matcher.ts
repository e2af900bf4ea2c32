/**
 * Matches repository-relative paths against `exclude` globs: `*` and `?`
 * stay within one folder, `**` spans any number of folders, `[abc]` is a
 * class. A glob that matches a folder also matches everything under it, so
 * `legacy` and `legacy/**` both leave out the whole folder.
 */
export function createGlobMatcher(globs: readonly string[]): (path: string) => boolean {
  const patterns = globs.map(compileGlob);
  return (path) => {
    if (patterns.length === 0) return false;
    const parts = path.split('/');
    for (let end = parts.length; end > 0; end -= 1) {
      const prefix = parts.slice(0, end).join('/');
      if (patterns.some((re) => re.test(prefix))) return true;
    }
    return false;
  };
}

export function compileGlob(glob: string): RegExp {
  const clean = glob.replace(/^\.\//, '').replace(/^\/+/, '').replace(/\/+$/, '');
  let out = '';
  for (let i = 0; i < clean.length; i += 1) {
    const c = clean[i] as string;
    if (c === '*' && clean[i + 1] === '*') {
      const slashAfter = clean[i + 2] === '/';
      // `**/` may match zero folders; a trailing or inner `**` matches anything.
      out += slashAfter ? '(?:.*/)?' : '.*';
      i += slashAfter ? 2 : 1;
    } else if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else if (c === '[') {
      const close = clean.indexOf(']', i + 2);
      if (close < 0) out += '\\[';
      else {
        out += `[${clean.slice(i + 1, close).replace(/^!/, '^').replace(/\\/g, '\\\\')}]`;
        i = close;
      }
    } else out += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${out}$`);
}
