import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rulesMarkdownTable } from '../src/rules/rules-table.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

describe('README', () => {
  it('shows the rule table of the rule registry (run `npm run docs:rules` after changing a rule)', () => {
    const table = /<!-- rules-table:start -->\n([\s\S]*)\n<!-- rules-table:end -->/.exec(readme)?.[1];
    expect(table).toBe(rulesMarkdownTable());
  });

  it('documents the set-up and test commands CI runs', () => {
    expect(readme).toContain('npm ci');
    expect(readme).toContain('npm test');
  });
});
