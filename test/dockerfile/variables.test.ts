import { describe, expect, it } from 'vitest';
import { expandWord } from '../../src/dockerfile/expand-word.js';
import { splitWords } from '../../src/dockerfile/split-words.js';
import { imageFiles, model } from './model-helpers.js';

const vars: Record<string, string> = { A: 'a', EMPTY: '' };
const lookup = (name: string) => vars[name];

describe('expandWord', () => {
  const rows: Array<[string, string, string[]]> = [
    ['$A/x', 'a/x', []],
    ['${A}x', 'ax', []],
    ['$NOPE/x', '/x', ['NOPE']],
    ['${NOPE:-w}', 'w', []],
    ['${EMPTY:-w}', 'w', []],
    ['${EMPTY-w}', '', []],
    ['${NOPE-w}', 'w', []],
    ['${A:+set}', 'set', []],
    ['${EMPTY:+set}', '', []],
    ['${EMPTY+set}', 'set', []],
    ['${NOPE+set}', '', []],
    ['${NOPE:-$A/d}', 'a/d', []],
    ['\\$A', '$A', []],
    ["'$A'", '$A', []],
    ['"$A b"', 'a b', []],
    ['"\\$A"', '$A', []],
    ['a\\ b', 'a b', []],
    ['$', '$', []],
    ['$1', '$1', []],
    ['${A#x}', '', ['A#x']],
  ];
  it.each(rows)('%s → %s', (word, value, unresolved) => {
    expect(expandWord(word, lookup)).toEqual({ value, unresolved });
  });

  it('uses the escape directive character', () => {
    expect(expandWord('`$A', lookup, '`').value).toBe('$A');
  });
});

describe('splitWords', () => {
  it('keeps quoted spaces and quotes, like BuildKit parseWords', () => {
    expect(splitWords('a=1 b="two words" c=\'x y\' d=e\\ f')).toEqual(['a=1', 'b="two words"', "c='x y'", 'd=e\\ f']);
    expect(splitWords('  ""  x ')).toEqual(['""', 'x']);
  });
});

describe('ARG and ENV in the model', () => {
  it('ENV PYTHONPATH=/app:$PYTHONPATH with nothing defined keeps the empty entry', () => {
    expect(model('FROM python:3.12\nENV PYTHONPATH=/app:$PYTHONPATH\n').env).toEqual({ PYTHONPATH: '/app:' });
  });

  it('ENV a=b c=d and legacy ENV a b c; values see the state before the instruction', () => {
    const m = model('FROM x\nENV A=1\nENV A=2 B=$A C="q r"\nENV LEGACY some value $A\n');
    expect(m.env).toEqual({ A: '2', B: '1', C: 'q r', LEGACY: 'some value 2' });
  });

  it('global ARGs are visible only in FROM unless re-declared; build args override defaults', () => {
    const text = 'ARG PY=3.11\nARG SVC=api\nFROM python:${PY}-slim\nCOPY services/$SVC /a/\nARG SVC\nCOPY services/$SVC /b/\n';
    const files = ['services/api/x.py', 'services/web/y.py'];
    const m = model(text, files);
    expect(m.baseImage).toBe('python:3.11-slim');
    expect(imageFiles(m)).toEqual(['/b/x.py']);
    expect(m.problems.map((p) => [p.rule, p.line])).toEqual([['unmodelled-source', 4]]);
    const overridden = model(text, files, { buildArgs: { PY: '3.12', SVC: 'web' } });
    expect(overridden.baseImage).toBe('python:3.12-slim');
    expect(imageFiles(overridden)).toEqual(['/b/y.py']);
  });

  it('in-stage ARG default, re-declaration, and ENV shadowing an ARG', () => {
    const text = 'FROM scratch\nARG D=one\nWORKDIR /$D\nARG D=two\nWORKDIR /$D\nENV D=three\nARG D=four\nWORKDIR /$D\n';
    expect(model(text).workdir).toBe('/three');
    expect([...model(text).dirs].sort()).toEqual(['/', '/one', '/three', '/two']);
  });

  it('ARG without a value leaves paths indeterminate: the source is reported, not guessed', () => {
    const m = model('FROM x\nARG SRC\nCOPY $SRC /app/\n', ['a.py']);
    expect(imageFiles(m)).toEqual([]);
    expect(m.problems).toMatchObject([{ rule: 'unmodelled-source', severity: 'warning', line: 3, file: 'Dockerfile' }]);
  });

  it('a destination with an unresolved variable is reported and modelled with the empty value', () => {
    const m = model('FROM x\nCOPY a.py $HOME/app/\n', ['a.py']);
    expect(imageFiles(m)).toEqual(['/app/a.py']);
    expect(m.problems.map((p) => p.rule)).toEqual(['unmodelled-source']);
  });

  it('WORKDIR is relative to the previous one and substituted', () => {
    const m = model('FROM x\nENV BASE=/srv\nWORKDIR $BASE\nWORKDIR app\nWORKDIR ../other/./x\n');
    expect(m.workdir).toBe('/srv/other/x');
  });

  it('FROM <stage> inherits ENV, in-stage ARGs and WORKDIR', () => {
    const text = 'FROM python:3.12 AS base\nARG APP=/code\nENV PYTHONPATH=$APP\nWORKDIR $APP\nFROM base\nCOPY . $APP/\n';
    const m = model(text, ['m.py']);
    expect(m.env).toEqual({ PYTHONPATH: '/code' });
    expect(m.workdir).toBe('/code');
    expect(imageFiles(m)).toEqual(['/code/m.py']);
  });

  it('automatic platform ARGs exist in the global scope', () => {
    expect(model('FROM --platform=$BUILDPLATFORM python:3.12\nARG TARGETARCH\nENV ARCH=$TARGETARCH\n').env).toEqual({ ARCH: 'amd64' });
  });
});
