import { describe, expect, it } from 'vitest';
import { splitArgs } from '../../src/shell/split-args.js';

describe('splitArgs', () => {
  it('splits like shlex: quotes and escapes honoured, operators are text', () => {
    expect(splitArgs(`--workers 3 --bind=":8000" --log-level 'debug info' a\\ b x&&y ;`)).toEqual([
      '--workers', '3', '--bind=:8000', '--log-level', 'debug info', 'a b', 'x&&y', ';',
    ]);
  });

  it('returns nothing for blank input and keeps $VAR literal', () => {
    expect(splitArgs('  \n ')).toEqual([]);
    expect(splitArgs('--chdir $HOME')).toEqual(['--chdir', '$HOME']);
  });
});
