import { observeProblems, type Rule } from './rule.js';

/**
 * DG111 install-command-unanalysable — a RUN install whose effect static reading
 * cannot know (an unset variable, conda, a URL without a name). A warning:
 * the installed set is incomplete, so missing packages become warnings too.
 * Fix: name the packages, or declare them in the config's `basePackages`.
 */
export const installCommandUnanalysable: Rule = {
  code: 'DG111',
  name: 'install-command-unanalysable',
  severity: 'warning',
  summary: 'a RUN install whose effect static reading cannot know (unset variable, conda, a URL without a name)',
  why: 'dockguard cannot vouch for what it cannot read',
  fix: "name the packages in the RUN, or declare them in the config's `basePackages`",
  check: (analysis) => observeProblems(installCommandUnanalysable, analysis.dependencies?.problems ?? []),
};
