import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULES } from '../src/rules/index.js';
import { ruleAnchor } from '../src/rules/rule-docs.js';
import { rulesMarkdownReference, rulesMarkdownTable } from '../src/rules/rules-table.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

describe('README', () => {
  it('shows the rule table of the rule registry (run `npm run docs:rules` after changing a rule)', () => {
    const table = /<!-- rules-table:start -->\n([\s\S]*)\n<!-- rules-table:end -->/.exec(readme)?.[1];
    expect(table).toBe(rulesMarkdownTable());
  });

  it('holds the rule reference of the registry, with a heading per rule at the anchor SARIF links to', () => {
    const reference = /<!-- rules-reference:start -->\n([\s\S]*)\n<!-- rules-reference:end -->/.exec(readme)?.[1];
    expect(reference).toBe(rulesMarkdownReference());
    // GitHub's heading anchors: lower case, punctuation other than - dropped, spaces to -.
    const anchors = [...readme.matchAll(/^#{1,6} (.*)$/gm)].map((m) => m[1]!.toLowerCase().replace(/[^\w\- ]/g, '').replace(/ /g, '-'));
    for (const rule of RULES) expect(anchors).toContain(ruleAnchor(rule));
  });

  it('documents the set-up and test commands CI runs', () => {
    expect(readme).toContain('npm ci');
    expect(readme).toContain('npm test');
  });
});
