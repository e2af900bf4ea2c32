import { describe, expect, it } from 'vitest';
import { createIgnoreMatcher, findExcludingPattern, parseIgnoreFile } from '../../src/dockerfile/dockerignore.js';

/** Files are checked the way a context walk does: parents before children. */
function visible(ignore: string, files: string[]): string[] {
  const matcher = createIgnoreMatcher(parseIgnoreFile(ignore));
  return files.filter((file) => {
    const parts = file.split('/');
    for (let i = 1; i < parts.length; i++) matcher.isExcluded(parts.slice(0, i).join('/'), true);
    return !matcher.isExcluded(file, false);
  });
}

describe('parseIgnoreFile', () => {
  it('cleans patterns, drops one leading slash, honours ! and BOM, # only in column 1', () => {
    const text = '\uFEFF# comment\n/foo/bar/\n  ./a//b/../c  \n! /keep\n  # note\nfoo # x\n\n\r\n.\n!\n';
    const parsed = parseIgnoreFile(text).map((p) => [p.exclusion ? '!' + p.pattern : p.pattern, p.line]);
    expect(parsed).toEqual([
      ['foo/bar', 2],
      ['a/c', 3],
      ['!keep', 4],
      ['# note', 5],
      ['foo # x', 6],
      ['.', 9],
    ]);
  });

  it('treats a BOM only on line 1 and CRLF endings', () => {
    expect(parseIgnoreFile('\uFEFF*.md\r\n!README.md\r\n').map((p) => p.pattern)).toEqual(['*.md', 'README.md']);
  });
});

describe('createIgnoreMatcher (reference §7.5)', () => {
  const tree = ['CHANGES.md', 'README.md', 'docs/a.md', 'app/main.py'];
  it('*.md !README.md is root-anchored', () => {
    expect(visible('*.md\n!README.md', tree)).toEqual(['README.md', 'docs/a.md', 'app/main.py']);
  });

  it('**/__pycache__ and **/*.pyc match at any depth, including the root', () => {
    const files = ['a.pyc', 'pkg/b.pyc', 'pkg/__pycache__/c.cpython-312.pyc', '__pycache__/x', 'pkg/mod.py', 'pkg/pyc.txt'];
    expect(visible('**/__pycache__\n**/*.pyc', files)).toEqual(['pkg/mod.py', 'pkg/pyc.txt']);
  });

  it('* !src !requirements.txt keeps only those', () => {
    const files = ['src/a.py', 'src/deep/b.py', 'requirements.txt', 'setup.py', 'docs/x.md', 'srcx/y'];
    expect(visible('*\n!src\n!requirements.txt', files)).toEqual(['src/a.py', 'src/deep/b.py', 'requirements.txt']);
  });

  it('* !src/*.py re-includes one level only', () => {
    expect(visible('*\n!src/*.py', ['src/a.py', 'src/sub/b.py', 'top.py'])).toEqual(['src/a.py']);
  });

  it('services/* !services/api', () => {
    const files = ['services/api/main.py', 'services/api/x/y.py', 'services/worker/w.py', 'libs/l.py'];
    expect(visible('services/*\n!services/api', files)).toEqual(['services/api/main.py', 'services/api/x/y.py', 'libs/l.py']);
  });

  it('.venv tests/ are anchored', () => {
    const files = ['.venv/bin/python', 'tests/test_a.py', 'app/tests/test_b.py', 'app/.venv/x'];
    expect(visible('.venv\ntests/', files)).toEqual(['app/tests/test_b.py', 'app/.venv/x']);
  });

  it('"  # note" is a pattern for a path literally named "# note"', () => {
    expect(visible('  # note', ['# note', 'note', 'a.py'])).toEqual(['note', 'a.py']);
  });
});

describe('createIgnoreMatcher edge cases', () => {
  it('last match wins, and a re-exclusion after an exception applies', () => {
    expect(visible('*.py\n!a.py\na.py', ['a.py', 'b.py', 'c.txt'])).toEqual(['c.txt']);
    expect(visible('docs\n!docs/keep.md', ['docs/keep.md', 'docs/drop.md'])).toEqual(['docs/keep.md']);
  });

  it('node_modules + !node_modules/keep re-includes inside an excluded dir', () => {
    expect(visible('node_modules\n!node_modules/keep', ['node_modules/keep/a.js', 'node_modules/x/b.js'])).toEqual([
      'node_modules/keep/a.js',
    ]);
  });

  it('dir/** matches everything below dir; ** alone matches everything', () => {
    expect(visible('build/**', ['build/a', 'build/b/c', 'buildx/d'])).toEqual(['buildx/d']);
    expect(visible('**\n!keep.txt', ['a', 'b/c', 'keep.txt'])).toEqual(['keep.txt']);
  });

  it('a/**/b matches zero or more segments in the middle', () => {
    expect(visible('a/**/b', ['a/b', 'a/x/b', 'a/x/y/b', 'a/xb', 'c/a/b'])).toEqual(['a/xb', 'c/a/b']);
  });

  it('? and [] classes stay within one segment; \\ escapes', () => {
    expect(visible('file?.txt\n[ab].py\n[^x]y.cfg\nstar\\*', ['file1.txt', 'file/.txt', 'a.py', 'c.py', 'zy.cfg', 'xy.cfg', 'star*', 'starx'])).toEqual([
      'file/.txt',
      'c.py',
      'xy.cfg',
      'starx',
    ]);
  });

  it('regex metacharacters in names are literal', () => {
    expect(visible('a+b(1).txt\n$x{y}|z', ['a+b(1).txt', 'aab1.txt', '$x{y}|z'])).toEqual(['aab1.txt']);
  });

  it('**/name suffix matches at any depth but not as a partial name', () => {
    expect(visible('**/secrets.env', ['secrets.env', 'a/b/secrets.env', 'a/mysecrets.env'])).toEqual(['a/mysecrets.env']);
  });

  it('repeated pattern with the parent memo: an exception that cannot change the outcome is skipped', () => {
    // After "!a" re-includes a, the second "a" excludes it again, and a/b inherits that.
    expect(visible('a\n!a\na', ['a/b', 'c'])).toEqual(['c']);
    expect(visible('a\n!a', ['a/b'])).toEqual(['a/b']);
  });

  it('without patterns nothing is excluded; "." has no effect', () => {
    expect(visible('', ['a'])).toEqual(['a']);
    expect(visible('.', ['a', 'b/c'])).toEqual(['a', 'b/c']);
  });
});

describe('re-includes inside an excluded folder (BuildKit walks into it)', () => {
  it('** then !server/** and !**/*.py sends the re-included files, their folders with them', () => {
    const files = ['server/main.py', 'server/static/app.css', 'client/src/main.js', 'tools/gen.py', 'README.md'];
    expect(visible('**\n!server/**\n!**/*.py\n', files)).toEqual(['server/main.py', 'server/static/app.css', 'tools/gen.py']);
    expect(visible('*\n!src/\n', ['src/a.py', 'src/pkg/b.py', 'tests/test_a.py'])).toEqual(['src/a.py', 'src/pkg/b.py']);
  });
});

describe('findExcludingPattern', () => {
  const patterns = parseIgnoreFile('*.md\nreports/legacy/\n!reports/legacy/keep.py\ndocs\n');

  it('names the line that excludes a file, through the folder it matched', () => {
    expect(findExcludingPattern(patterns, 'reports/legacy/export.py')).toMatchObject({ line: 2, pattern: 'reports/legacy' });
    expect(findExcludingPattern(patterns, 'docs/guide/index.rst')).toMatchObject({ line: 4 });
  });

  it('gives nothing for a file a later ! line takes back, or no line matches', () => {
    expect(findExcludingPattern(patterns, 'reports/legacy/keep.py')).toBeUndefined();
    expect(findExcludingPattern(patterns, 'reports/daily.py')).toBeUndefined();
  });
});
