import { allProblems, observeProblems, type Rule } from './rule.js';

/**
 * DG007 file-unreadable — a file the service needs (Dockerfile, Python
 * module) is binary or not decodable as it declares: Python fails on it too.
 * Where Python may well read it (a huge generated module dockguard skips, a
 * codec Python has and dockguard cannot decode) it is a warning naming that.
 */
export const fileUnreadable: Rule = {
  code: 'DG007',
  name: 'file-unreadable',
  severity: 'error',
  summary: 'a file the service needs cannot be read or decoded (binary, bad encoding); too large to analyse is a warning',
  why: 'dockguard cannot check what it cannot read',
  fix: 'make the file readable UTF-8 text, or exclude the service or path in the config',
  check: (analysis) => [
    ...analysis.unreadable.map(({ path, reason, assumption }) => ({
      code: fileUnreadable.code,
      rule: fileUnreadable.name,
      severity: assumption === undefined ? fileUnreadable.severity : 'warning',
      file: path,
      line: 0,
      message: `${path} ${reason}; dockguard could not analyse it`,
      ...(assumption !== undefined ? { assumption } : {}),
    })),
    ...observeProblems(fileUnreadable, allProblems(analysis)),
  ],
};
