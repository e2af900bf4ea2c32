import { describe, expect, it } from 'vitest';
import { createGcloudIgnoreMatcher, listGcloudIncludes, parseGcloudIgnore } from '../../src/dockerfile/gcloudignore.js';

function visible(text: string, files: string[], includes: Record<string, string> = {}): string[] {
  const matcher = createGcloudIgnoreMatcher(parseGcloudIgnore(text, (f) => includes[f]));
  return files.filter((f) => !matcher.isExcluded(f, false));
}

describe('parseGcloudIgnore (gitignore semantics)', () => {
  it('a pattern without a slash matches at any depth; with a slash it is anchored', () => {
    const files = ['a.pyc', 'pkg/b.pyc', 'docs/x.md', 'sub/docs/y.md', 'main.py'];
    expect(visible('*.pyc\n/docs', files)).toEqual(['sub/docs/y.md', 'main.py']);
  });

  it('a trailing slash matches directories only', () => {
    expect(visible('build/', ['build/a.py', 'pkg/build/b.py', 'build'])).toEqual(['build']);
  });

  it('cannot re-include a file whose parent directory is excluded', () => {
    expect(visible('node_modules/\n!node_modules/keep.js', ['node_modules/keep.js'])).toEqual([]);
    expect(visible('*.log\n!keep.log', ['a.log', 'keep.log', 'x/keep.log'])).toEqual(['keep.log', 'x/keep.log']);
  });

  it('**/ and /** forms', () => {
    expect(visible('**/tmp\nlogs/**', ['tmp/a', 'x/tmp/b', 'logs/c/d', 'logsx'])).toEqual(['logsx']);
  });

  it('splices #!include:.gitignore', () => {
    const text = '.gcloudignore\n.git\n#!include:.gitignore\n';
    expect(listGcloudIncludes(text)).toEqual(['.gitignore']);
    expect(visible(text, ['.gcloudignore', 'venv/bin/python', 'app.py', '.git/HEAD'], { '.gitignore': 'venv/\n# c\n' })).toEqual(['app.py']);
  });
});
