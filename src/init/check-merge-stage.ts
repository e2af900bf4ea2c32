/** Stage names that make a hook run from git's pre-merge-commit hook (`merge-commit` before pre-commit 3.2). */
const MERGE_STAGES = ['pre-merge-commit', 'merge-commit'];

interface PreCommitConfig {
  default_stages?: unknown;
  repos?: unknown;
}

/**
 * A dockguard hook that was already in the config is left as its author
 * wrote it; this only says when its stages (or the config's default_stages
 * for a hook that sets none) leave merges out. The shipped .pre-commit-hooks.yaml
 * names no stages either (the names changed in pre-commit 3.2), so a hook taken
 * from dockguard's repository falls back to default_stages like a local one.
 */
export function checkMergeStage(config: PreCommitConfig | null): string[] {
  const repos = Array.isArray(config?.repos) ? (config.repos as Array<{ repo?: unknown; hooks?: unknown }>) : [];
  for (const repo of repos) {
    const hooks = Array.isArray(repo?.hooks) ? (repo.hooks as Array<{ id?: unknown; stages?: unknown }>) : [];
    const hook = hooks.find((candidate) => candidate?.id === 'dockguard');
    if (!hook) continue;
    const stages = hook.stages ?? config?.default_stages;
    if (!Array.isArray(stages) || stages.some((stage) => MERGE_STAGES.includes(String(stage)))) return [];
    return [
      'the dockguard hook in .pre-commit-config.yaml does not run at merges: add pre-merge-commit to its stages so a merge that needs no conflict resolution is checked too',
    ];
  }
  return [];
}
