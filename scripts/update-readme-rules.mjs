// Regenerates the rule table and the rule reference in README.md from the rule registry (run after `npm run build`).
import { readFileSync, writeFileSync } from 'node:fs';
import { rulesMarkdownReference, rulesMarkdownTable } from '../dist/rules/rules-table.js';

const readmeUrl = new URL('../README.md', import.meta.url);
const readme = readFileSync(readmeUrl, 'utf8');
const updated = readme
  .replace(/<!-- rules-table:start -->[\s\S]*<!-- rules-table:end -->/, `<!-- rules-table:start -->\n${rulesMarkdownTable()}\n<!-- rules-table:end -->`)
  .replace(/<!-- rules-reference:start -->[\s\S]*<!-- rules-reference:end -->/, `<!-- rules-reference:start -->\n${rulesMarkdownReference()}\n<!-- rules-reference:end -->`);
writeFileSync(readmeUrl, updated);
