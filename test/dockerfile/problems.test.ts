import { describe, expect, it } from 'vitest';
import { imageFiles, makeContext, model, rules } from './model-helpers.js';

describe('copy-source-missing', () => {
  it('a literal source that is not in the context is an error on its line', () => {
    const m = model('FROM x\nWORKDIR /app\nCOPY app.py config.yaml ./\n', makeContext(['app.py'], 'services/api'));
    expect(m.problems).toEqual([{
      rule: 'copy-source-missing', severity: 'error', file: 'Dockerfile', line: 3,
      message: 'COPY source "config.yaml" does not exist in the build context "services/api"',
    }]);
    expect(imageFiles(m)).toEqual(['/app/app.py']);
  });

  it('a source hidden by an ignore file names that ignore file', () => {
    const context = makeContext(['app/main.py'], '', { 'tests/test_a.py': 'services/api/Dockerfile.dockerignore', 'secret.env': '.dockerignore' });
    const m = model('FROM x\nCOPY tests /tests\nCOPY secret.env /\nCOPY app /app\n', context, { dockerfile: 'services/api/Dockerfile' });
    expect(m.problems.map((p) => [p.line, p.message])).toEqual([
      [2, 'COPY source "tests" is excluded from the build context by services/api/Dockerfile.dockerignore'],
      [3, 'COPY source "secret.env" is excluded from the build context by .dockerignore'],
    ]);
    expect(m.problems.every((p) => p.file === 'services/api/Dockerfile')).toBe(true);
  });

  it('a wildcard that matches nothing is fine', () => {
    expect(model('FROM x\nCOPY requirements.txt poetry.lock* ./\n', ['requirements.txt']).problems).toEqual([]);
  });

  it('ignored files vanish silently from COPY . .', () => {
    const m = model('FROM x\nCOPY . /app/\n', makeContext(['a.py'], '', { 'b.pyc': '.dockerignore' }));
    expect(imageFiles(m)).toEqual(['/app/a.py']);
    expect(m.problems).toEqual([]);
  });

  it('with an unknown context, stages and config are modelled but no files or missing sources', () => {
    const m = model('FROM python:3.12 AS b\nFROM b\nWORKDIR /app\nCOPY nope.py .\nENV A=1\nCMD ["python", "nope.py"]\n', null);
    expect(m.files.size).toBe(0);
    expect(m.problems).toEqual([]);
    expect(m.env).toEqual({ A: '1' });
    expect(m.cmd?.line).toBe(6);
    expect(m.baseImage).toBe('python:3.12');
    expect(m.copies).toHaveLength(1);
  });
});

describe('dockerfile-syntax', () => {
  it('empty file and a file without FROM', () => {
    expect(rules(model(''))).toEqual([['dockerfile-syntax', 0]]);
    expect(rules(model('# only a comment\n'))).toEqual([['dockerfile-syntax', 0]]);
    expect(rules(model('RUN echo hi\n'))).toEqual([['dockerfile-syntax', 1], ['dockerfile-syntax', 1]]);
  });

  it('an unknown instruction and a COPY with one argument', () => {
    const m = model('FROM x\nCOPPY a b\nCOPY onlyone\nADD\n');
    expect(rules(m)).toEqual([['dockerfile-syntax', 2], ['dockerfile-syntax', 3], ['dockerfile-syntax', 4]]);
    expect(m.problems.every((p) => p.severity === 'error')).toBe(true);
  });

  it('keywords are case-insensitive and continuations / comments inside them are handled', () => {
    const text = 'from python:3.12 as Base\nworkdir /app\ncopy a.py \\\n# a comment\n  b.py \\\n  ./\n';
    const m = model(text, ['a.py', 'b.py']);
    expect(m.target).toBe('base');
    expect(imageFiles(m)).toEqual(['/app/a.py', '/app/b.py']);
    expect(m.problems).toEqual([]);
  });

  it('honours # escape=`', () => {
    const m = model('# escape=`\nFROM x\nCOPY a.py `\n  /app/\n', ['a.py']);
    expect(imageFiles(m)).toEqual(['/app/a.py']);
  });

  it('ENV, ARG, WORKDIR and USER without arguments', () => {
    expect(rules(model('FROM x\nENV\nARG\nWORKDIR\nUSER\n'))).toEqual([2, 3, 4, 5].map((line) => ['dockerfile-syntax', line]));
  });

  it('garbage does not throw', () => {
    for (const text of ['\u0000', 'FROM', 'FROM x\nCOPY "unterminated /a', 'FROM x\nENV', 'FROM x\nWORKDIR\nARG\nUSER', '[[[[']) {
      expect(() => model(text, ['a'])).not.toThrow();
    }
  });
});
