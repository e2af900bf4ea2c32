import { observeProblems, type Rule } from './rule.js';

/**
 * DG108 dependency-file-malformed — a requirements, pyproject or lock file has a
 * line or table its format does not allow (`flask=3.0`, broken TOML or
 * JSON). pip or the locker may reject it, and dockguard cannot know what the
 * image installs. Fix: correct the line named.
 */
export const dependencyFileMalformed: Rule = {
  code: 'DG108',
  name: 'dependency-file-malformed',
  severity: 'error',
  summary: 'a requirements, pyproject or lock file has a line or table its format does not allow',
  why: 'what the image installs cannot be known, and pip or the locker may reject it',
  fix: 'correct the line or table named',
  check: (analysis) => observeProblems(dependencyFileMalformed, analysis.dependencies?.problems ?? []),
};
