import { allProblems, observeProblems, type Rule } from './rule.js';

/** DG005 dockerfile-syntax — the Dockerfile cannot be parsed or uses an instruction wrongly: the build fails, or dockguard cannot model the image. */
export const dockerfileSyntax: Rule = {
  code: 'DG005',
  name: 'dockerfile-syntax',
  severity: 'error',
  summary: 'the Dockerfile cannot be parsed or uses an instruction wrongly',
  why: 'the build fails, or dockguard cannot model the image',
  fix: 'correct the Dockerfile line named',
  check: (analysis) => observeProblems(dockerfileSyntax, allProblems(analysis)),
};
