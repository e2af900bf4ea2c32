import { observeProblems, type Rule } from './rule.js';

/**
 * DG109 dependency-file-unreadable — a dependency file an install names (or one it
 * includes with `-r`/`-c`/`file=`) does not exist in the repository or
 * cannot be decoded. The install fails, or installs what dockguard cannot
 * see. Fix: add the file or correct the path.
 */
export const dependencyFileUnreadable: Rule = {
  code: 'DG109',
  name: 'dependency-file-unreadable',
  severity: 'error',
  summary: 'a dependency file the image installs (or one it includes) is missing or cannot be decoded',
  why: 'the install fails, or installs something dockguard cannot see',
  fix: 'add the file, or correct the path the install names',
  check: (analysis) => observeProblems(dependencyFileUnreadable, analysis.dependencies?.problems ?? []),
};
