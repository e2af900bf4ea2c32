import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM script without type declarations
import { renderLongDockerfile } from '../long-dockerfile.mjs';
import { model } from '../../test/dockerfile/model-helpers.js';

describe('renderLongDockerfile', () => {
  it('writes exactly the lines asked for, ENV and RUN alternating, each RUN seeing every ENV before it', () => {
    const text: string = renderLongDockerfile(1000);
    expect(text.split('\n').length - 1).toBe(1000);
    const m = model(text, ['requirements.txt', 'app.py']);
    expect(m.problems).toEqual([]);
    expect(m.runs).toHaveLength(1 + 497);
    expect(m.runs.at(-1)!.env.SETTING_0).toBe('value-0');
    expect(Object.keys(m.runs.at(-1)!.env)).toHaveLength(497);
  });
});
