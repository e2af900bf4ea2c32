import { observeProblems, type Rule } from './rule.js';

/**
 * DG110 dependency-file-unanalysable — a dependency file depends on something
 * static reading cannot see (an unset `${VAR}`, dynamic metadata, an
 * unknown lock version). A warning: "could not look" is never a pass. Fix:
 * make the value static, or list the packages in the config.
 */
export const dependencyFileUnanalysable: Rule = {
  code: 'DG110',
  name: 'dependency-file-unanalysable',
  severity: 'warning',
  summary: 'a dependency file depends on something static reading cannot see (an unset variable, dynamic metadata)',
  why: 'dockguard cannot vouch for what it cannot read',
  fix: 'make the value static, or list the packages in the config',
  check: (analysis) => observeProblems(dependencyFileUnanalysable, analysis.dependencies?.problems ?? []),
};
