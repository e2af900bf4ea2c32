import { describe, expect, it } from 'vitest';
import { model } from './model-helpers.js';

describe('the variables each RUN sees', () => {
  it('are the values at that RUN: ENV wins over ARG, later changes are not seen, a value-less ARG reads as unset', () => {
    const m = model('FROM x\nARG MODE=dev\nRUN a\nENV MODE=prod\nARG EMPTY\nRUN b\nENV MODE=test OTHER=1\nRUN c\n', [], { buildArgs: {} });
    const [a, b, c] = m.runs;
    expect({ ...a!.env }).toEqual({ MODE: 'dev' });
    expect({ ...b!.env }).toEqual({ MODE: 'prod' });
    expect(b!.env.EMPTY).toBeUndefined();
    expect({ ...c!.env }).toEqual({ MODE: 'test', OTHER: '1' });
    expect(a!.env.MODE).toBe('dev');
  });

  it('two stages built from one parent do not see each other’s variables', () => {
    const m = model('FROM x AS base\nENV A=1\nFROM base AS one\nENV B=one\nRUN one\nFROM base AS two\nRUN two\nENV B=two\nFROM x\nCOPY --from=one /a /a\nCOPY --from=two /b /b\n');
    const byStage = Object.fromEntries(m.runs.map((r) => [r.stage, { ...r.env }]));
    expect(byStage).toEqual({ one: { A: '1', B: 'one' }, two: { A: '1' } });
  });

  it('a shell parse on top of the view keeps its own assignments and leaves the view alone', async () => {
    const { parseShell } = await import('../../src/shell/parse-shell.js');
    const [run] = model('FROM x\nENV PIP=pip\nRUN x\n').runs;
    const commands = parseShell('REQ=requirements.txt; $PIP install -r $REQ', { env: run!.env });
    expect(commands.at(-1)!.words).toEqual(['pip', 'install', '-r', 'requirements.txt']);
    expect({ ...run!.env }).toEqual({ PIP: 'pip' });
  });
});
