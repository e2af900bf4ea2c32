// Regenerates the rule table in README.md from the rule registry (run after `npm run build`).
import { readFileSync, writeFileSync } from 'node:fs';
import { rulesMarkdownTable } from '../dist/rules/rules-table.js';

const readmeUrl = new URL('../README.md', import.meta.url);
const readme = readFileSync(readmeUrl, 'utf8');
const updated = readme.replace(
  /<!-- rules-table:start -->[\s\S]*<!-- rules-table:end -->/,
  `<!-- rules-table:start -->\n${rulesMarkdownTable()}\n<!-- rules-table:end -->`,
);
writeFileSync(readmeUrl, updated);
