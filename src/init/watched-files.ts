/**
 * Files whose change can break an image: Python sources, Dockerfiles, ignore
 * files, dependency declarations and lock files, compose files, our config.
 * The same set is written as a lint-staged glob and as a pre-commit regex;
 * test/init/watched-files.test.ts keeps the two and .pre-commit-hooks.yaml in step.
 */
const NAMES = [
  '*.py',
  'Dockerfile',
  'Dockerfile.*',
  '*.Dockerfile',
  '*.dockerfile',
  '.dockerignore',
  '*.dockerignore',
  '.gcloudignore',
  'requirements*.txt',
  'requirements*.in',
  'requirements/*.txt',
  'requirements/*.in',
  'constraints*.txt',
  'pyproject.toml',
  'setup.cfg',
  'Pipfile',
  '*.lock',
  'docker-compose*.yml',
  'docker-compose*.yaml',
  'compose*.yml',
  'compose*.yaml',
  'dockguard.config.json',
];

/** lint-staged key; `**` + `/` lets `requirements/*.txt` work, which base-name matching would not. */
export const WATCHED_FILES_GLOB = `**/{${NAMES.join(',')}}`;

/** pre-commit `files:` (Python `re.search` on the repository path). */
export const WATCHED_FILES_REGEX = `(^|/)(${NAMES.map(toRegex).join('|')})$`;

function toRegex(glob: string): string {
  return glob.replace(/[.+^$()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*');
}

export const HOOK_COMMAND = 'dockguard check --staged';
