/**
 * The git hooks that run before a commit is written: git runs
 * pre-merge-commit instead of pre-commit for a merge that needs no conflict
 * resolution (a merge with conflicts is concluded by `git commit`, which runs
 * pre-commit), so both are needed for every commit to be checked.
 */
export const COMMIT_HOOKS = [
  { name: 'pre-commit', when: 'before every commit' },
  { name: 'pre-merge-commit', when: 'before the commit of a merge that needs no conflict resolution' },
] as const;
