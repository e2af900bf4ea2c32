import { mkdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { git, makeFixtureRepo, removeFixtureRepos } from '../helpers/fixture-repo.js';
import { runCli } from '../helpers/run-cli.js';

afterAll(removeFixtureRepos);

const checkStaged = (repo: string) => {
  const run = runCli(repo, ['check', '--staged', '--format', 'json']);
  const doc = JSON.parse(run.stdout);
  return { status: run.status, checked: doc.services.map((s: { dockerfile: string }) => s.dockerfile), summary: doc.summary, findings: doc.findings };
};

describe('check --staged remembers what each service depends on', () => {
  it('skips a service whose last check did not involve any staged file, and re-checks when it might', () => {
    const repo = makeFixtureRepo('incremental-two-services');
    const stage = (file: string, text: string) => {
      writeFileSync(path.join(repo, file), text);
      git(repo, 'add', file);
    };

    // No memo yet and a change the analysis sees (a new first-party import; a plain stdlib import would not
    // count): both images copy shared/, so both are checked.
    stage('shared/a.py', 'import shared.b\nNAME = "a2"\n');
    expect(checkStaged(repo)).toMatchObject({ status: 0, checked: ['svc_a/Dockerfile', 'svc_b/Dockerfile'] });

    // svc_b never imported shared/a.py: its memo proves it unaffected.
    stage('shared/a.py', 'from shared import missing_helper\nNAME = "a3"\n');
    const second = checkStaged(repo);
    expect(second).toMatchObject({ status: 1, checked: ['svc_a/Dockerfile'], summary: { servicesUnaffected: 1 } });
    expect(second.findings).toEqual([expect.objectContaining({ rule: 'missing-copy', file: 'shared/a.py', module: 'shared.missing_helper' })]);

    // Running again with the same staged change must block again (the memo was written from this very state).
    expect(checkStaged(repo)).toMatchObject({ status: 1, checked: ['svc_a/Dockerfile'] });

    // A new file in a folder both images copy can change what imports resolve to: both are checked.
    stage('shared/a.py', 'NAME = "a4"\n');
    stage('shared/missing_helper.py', 'VALUE = 1\n');
    expect(checkStaged(repo)).toMatchObject({ status: 0, checked: ['svc_a/Dockerfile', 'svc_b/Dockerfile'] });
  });

  it('skips services whose last check was clean when the staged edit leaves imports and usage unchanged', () => {
    const repo = makeFixtureRepo('incremental-two-services');
    const stage = (file: string, text: string) => {
      writeFileSync(path.join(repo, file), text);
      git(repo, 'add', file);
    };
    stage('shared/__init__.py', '"""Shared code."""\n');
    expect(checkStaged(repo)).toMatchObject({ status: 0, checked: ['svc_a/Dockerfile', 'svc_b/Dockerfile'] });
    git(repo, 'commit', '-qm', 'Document shared');

    // A new function in a module both images copy, without imports: nothing either service reads changed.
    stage('shared/a.py', 'NAME = "a"\n\n\ndef shout() -> str:\n    return NAME.upper()\n');
    expect(checkStaged(repo)).toMatchObject({ status: 0, checked: [], summary: { servicesUnaffected: 2 } });

    // The same module gains an import the images lack: the service that reaches it is checked and blocked.
    stage('shared/a.py', 'NAME = "a"\n\n\ndef shout() -> str:\n    from shared import missing_helper\n    return missing_helper.upper(NAME)\n\n\nGREETING = shout()\n');
    const blocked = checkStaged(repo);
    expect(blocked).toMatchObject({ status: 1, checked: ['svc_a/Dockerfile'] });
    expect(blocked.findings).toEqual([expect.objectContaining({ rule: 'missing-copy', file: 'shared/a.py', line: 5, module: 'shared.missing_helper' })]);

    // A blocked check vouches for nothing: staging the same content again blocks again.
    expect(checkStaged(repo)).toMatchObject({ status: 1, checked: ['svc_a/Dockerfile'] });
  });

  it('checks a service again when the entry script its command runs is edited', () => {
    const repo = makeFixtureRepo('incremental-two-services');
    const stage = (file: string, text: string) => {
      writeFileSync(path.join(repo, file), text);
      git(repo, 'add', file);
    };
    stage('svc_a/start.sh', '#!/bin/sh\nexec python -m svc_a.main\n');
    stage('svc_a/Dockerfile', 'FROM python:3.12-slim\nWORKDIR /app\nCOPY shared/ ./shared/\nCOPY svc_a/ ./svc_a/\nCMD ["sh", "/app/svc_a/start.sh"]\n');
    expect(checkStaged(repo)).toMatchObject({ status: 0, checked: ['svc_a/Dockerfile'] });
    git(repo, 'commit', '-qm', 'Start svc_a from a script');

    stage('svc_a/start.sh', '#!/bin/sh\nexec python -m svc_a.worker\n');
    const run = checkStaged(repo);
    expect(run).toMatchObject({ status: 1, checked: ['svc_a/Dockerfile'] });
    expect(run.findings).toEqual([expect.objectContaining({ module: 'svc_a.worker' })]);
  });

  it('checks every affected service again when the cache is off', () => {
    const repo = makeFixtureRepo('incremental-two-services');
    writeFileSync(path.join(repo, 'shared/a.py'), 'import shared.b\nNAME = "x"\n');
    git(repo, 'add', 'shared/a.py');
    runCli(repo, ['check', '--staged']);
    const run = runCli(repo, ['check', '--staged', '--no-cache', '--format', 'json']);
    expect(JSON.parse(run.stdout).services.map((s: { dockerfile: string }) => s.dockerfile)).toEqual(['svc_a/Dockerfile', 'svc_b/Dockerfile']);
  });
});

describe('the parse cache shared by working-tree and staged checks', () => {
  it('lets a staged check reuse what a working-tree check of the same content parsed', () => {
    const repo = makeFixtureRepo('incremental-two-services');
    const worktree = runCli(repo, ['check', '--format', 'json']);
    expect(JSON.parse(worktree.stdout).summary.filesParsed).toBeGreaterThan(0);
    // A module is cached under its git blob id in both modes, so nothing is parsed again.
    const staged = JSON.parse(runCli(repo, ['check', '--staged', '--format', 'json', 'svc_a/Dockerfile']).stdout);
    expect(staged.services.map((s: { dockerfile: string }) => s.dockerfile)).toEqual(['svc_a/Dockerfile']);
    expect(staged.summary).toMatchObject({ filesAnalysed: 4, filesParsed: 0 });
  });
});

describe('check --staged compares an edited module with its HEAD version, with no memo to go by', () => {
  const stageIn = (repo: string) => (file: string, text: string) => {
    writeFileSync(path.join(repo, file), text);
    git(repo, 'add', file);
  };
  const checkColdStaged = (repo: string) => {
    const run = runCli(repo, ['check', '--staged', '--no-cache', '--format', 'json']);
    const doc = JSON.parse(run.stdout);
    return { status: run.status, checked: doc.services.map((s: { dockerfile: string }) => s.dockerfile), summary: doc.summary, findings: doc.findings };
  };

  it('checks no service when the only edit leaves imports and usage unchanged', () => {
    const repo = makeFixtureRepo('incremental-two-services');
    stageIn(repo)('shared/a.py', 'NAME = "a"\n\n\ndef shout() -> str:\n    return NAME.upper()\n');
    expect(checkColdStaged(repo)).toMatchObject({ status: 0, checked: [], summary: { servicesUnaffected: 2 } });
  });

  it('checks every service copying the module when the edit adds an import, and blocks the one it breaks', () => {
    const repo = makeFixtureRepo('incremental-two-services');
    stageIn(repo)('shared/a.py', 'NAME = "a"\n\n\ndef shout() -> str:\n    from shared import missing_helper\n    return missing_helper.upper(NAME)\n\n\nGREETING = shout()\n');
    const run = checkColdStaged(repo);
    expect(run).toMatchObject({ status: 1, checked: ['svc_a/Dockerfile', 'svc_b/Dockerfile'] });
    expect(run.findings).toEqual([expect.objectContaining({ rule: 'missing-copy', file: 'shared/a.py', line: 5, module: 'shared.missing_helper' })]);
  });

  it('checks the services copying a package __init__.py edited without import changes: the names it binds are read from its text', () => {
    const repo = makeFixtureRepo('incremental-two-services');
    stageIn(repo)('shared/__init__.py', 'VERSION = "1"\n');
    expect(checkColdStaged(repo)).toMatchObject({ status: 0, checked: ['svc_a/Dockerfile', 'svc_b/Dockerfile'] });
  });

  it('checks a service whose command runs the edited module as a script, which is also read as text', () => {
    const repo = makeFixtureRepo('incremental-two-services');
    const stage = stageIn(repo);
    stage('svc_a/Dockerfile', 'FROM python:3.12-slim\nWORKDIR /app\nCOPY shared/ ./shared/\nCOPY svc_a/ ./svc_a/\nCMD ["python", "svc_a/main.py"]\n');
    git(repo, 'commit', '-qm', 'Run svc_a as a script');
    stage('svc_a/main.py', '"""Service a, run as a script."""\nfrom shared import a\n\n\nif __name__ == "__main__":\n    print(a.NAME)\n');
    expect(checkColdStaged(repo)).toMatchObject({ checked: ['svc_a/Dockerfile'], summary: { servicesUnaffected: 1 } });
  });
});

describe('check --staged compares an edited Dockerfile with its HEAD version', () => {
  const DOCKERFILE_A = 'FROM python:3.12-slim\nWORKDIR /app\nCOPY shared/ ./shared/\nCOPY svc_a/ ./svc_a/\nCMD ["python", "-m", "svc_a.main"]\n';
  const stageDockerfile = (repo: string, text: string) => {
    writeFileSync(path.join(repo, 'svc_a/Dockerfile'), text);
    git(repo, 'add', 'svc_a/Dockerfile');
  };
  const checkedCold = (repo: string) => {
    const run = runCli(repo, ['check', '--staged', '--no-cache', '--format', 'json']);
    return { status: run.status, checked: JSON.parse(run.stdout).services.map((s: { dockerfile: string }) => s.dockerfile) };
  };

  it('checks no service when the edit leaves the modelled image as it was (a label at the end)', () => {
    const repo = makeFixtureRepo('incremental-two-services');
    stageDockerfile(repo, `${DOCKERFILE_A}LABEL org.opencontainers.image.description="svc a"\n`);
    expect(checkedCold(repo)).toEqual({ status: 0, checked: [] });
  });

  it.each([
    ['copies less', DOCKERFILE_A.replace('COPY shared/ ./shared/\n', ''), 1],
    ['runs another command', DOCKERFILE_A.replace('svc_a.main', 'svc_a.worker'), 1],
    ['sets the environment', `${DOCKERFILE_A}ENV PYTHONPATH=/app/shared\n`, 0],
    ['moves the command to another line', `# syntax=docker/dockerfile:1\n${DOCKERFILE_A}`, 0],
  ])('checks the service when the edit %s', (_what, text, status) => {
    const repo = makeFixtureRepo('incremental-two-services');
    stageDockerfile(repo, text);
    expect(checkedCold(repo)).toEqual({ status, checked: ['svc_a/Dockerfile'] });
  });

  it('checks the service when the edit moves its inferred build context, even through a stage the image does not use', () => {
    const repo = makeFixtureRepo('inferred-context-stages');
    const file = path.join(repo, 'svc/Dockerfile');
    writeFileSync(file, readFileSync(file, 'utf8').replace('COPY tools/ /tools/', 'COPY svc/tools/ /tools/'));
    git(repo, 'add', 'svc/Dockerfile');
    const run = runCli(repo, ['check', '--staged', '--no-cache', '--format', 'json']);
    // The repository root now explains every COPY source, and its app/ is not the service's.
    expect(run.status).toBe(1);
    expect(JSON.parse(run.stdout).findings).toEqual([expect.objectContaining({ rule: 'missing-copy', file: 'app/main.py', module: 'app.helpers' })]);
  });

  it('checks a service when a file it only bind-mounts into a RUN is staged', () => {
    const repo = makeFixtureRepo('incremental-two-services');
    writeFileSync(path.join(repo, 'requirements-a.txt'), 'flask==3.0.3\n');
    stageDockerfile(repo, DOCKERFILE_A.replace('CMD', 'RUN --mount=type=bind,source=requirements-a.txt,target=/tmp/r.txt pip install -r /tmp/r.txt\nCMD'));
    git(repo, 'add', 'requirements-a.txt');
    git(repo, 'commit', '-qm', 'Install from a bind-mounted file');
    writeFileSync(path.join(repo, 'requirements-a.txt'), 'flask==3.1.0\n');
    git(repo, 'add', 'requirements-a.txt');
    expect(checkedCold(repo)).toEqual({ status: 0, checked: ['svc_a/Dockerfile'] });
  });

  it('checks the service when the edit adds an inline suppression, so an unused one is still reported', () => {
    const repo = makeFixtureRepo('incremental-two-services');
    stageDockerfile(repo, DOCKERFILE_A.replace('CMD', '\nCMD'));
    git(repo, 'commit', '-qm', 'A blank line before CMD');
    // The comment takes the blank line's place: no instruction moves, only the suppression is new.
    stageDockerfile(repo, DOCKERFILE_A.replace('CMD', '# dockguard: ignore[missing-copy] nothing is missing\nCMD'));
    const run = runCli(repo, ['check', '--staged', '--no-cache', '--format', 'json']);
    const doc = JSON.parse(run.stdout);
    expect(doc.services.map((s: { dockerfile: string }) => s.dockerfile)).toEqual(['svc_a/Dockerfile']);
    expect(doc.findings).toEqual([expect.objectContaining({ rule: 'unused-ignore', file: 'svc_a/Dockerfile', line: 6 })]);
  });
});

describe('check --staged and build stages', () => {
  it("checks the service when the requirements file a build stage installs is staged, though the final stage never holds it", () => {
    const repo = makeFixtureRepo('incremental-build-stage');
    // A harmless edit first: the service is checked, found clean, and its memo written.
    writeFileSync(path.join(repo, 'requirements.txt'), '# pinned by the release job\nflask==3.1.0\nrequests==2.32.3\n');
    git(repo, 'add', 'requirements.txt');
    expect(checkStaged(repo)).toMatchObject({ status: 0, checked: ['Dockerfile'] });
    // requests leaves the build stage's requirements: the image breaks, and neither the path nor the memo may hide it.
    writeFileSync(path.join(repo, 'requirements.txt'), '# pinned by the release job\nflask==3.1.0\n');
    git(repo, 'add', 'requirements.txt');
    const blocked = checkStaged(repo);
    expect(blocked).toMatchObject({ status: 1, checked: ['Dockerfile'] });
    expect(blocked.findings).toEqual([expect.objectContaining({ rule: 'missing-package', module: 'requests' })]);
  });
});

describe('check --staged and build files', () => {
  it('reports a staged compose file it cannot parse instead of dropping it', () => {
    const repo = makeFixtureRepo('compose-context');
    writeFileSync(path.join(repo, 'docker-compose.yml'), 'services:\n  worker:\n    build: [unclosed\n');
    git(repo, 'add', 'docker-compose.yml');
    const run = runCli(repo, ['check', '--staged', '--format', 'json']);
    const doc = JSON.parse(run.stdout);
    expect(doc.findings).toContainEqual(expect.objectContaining({ rule: 'discovery-file-unreadable', file: 'docker-compose.yml' }));
  });
});

describe('check --staged and symbolic links', () => {
  /** Writes `text` to `target`, a file beside `link`, and makes `link` a symbolic link to it. */
  const linkModule = (repo: string, link: string, target: string, text: string) => {
    writeFileSync(path.join(repo, path.dirname(link), target), text);
    rmSync(path.join(repo, link), { force: true });
    symlinkSync(target, path.join(repo, link));
  };

  it('analyses a symlinked module through its target instead of parsing the link text', () => {
    const repo = makeFixtureRepo('incremental-two-services');
    linkModule(repo, 'shared/b.py', 'b_impl.py', 'from shared import missing_helper\nNAME = "b"\n');
    git(repo, 'add', '-A');
    const { findings } = checkStaged(repo);
    expect(findings.map((f: { rule: string; file: string; module?: string }) => [f.rule, f.file, f.module])).toEqual([
      ['missing-copy', 'shared/b.py', 'shared.missing_helper'],
    ]);
  });

  it('never takes one link for another with the same target text (their ids are equal, their modules are not)', () => {
    const repo = makeFixtureRepo('incremental-two-services');
    linkModule(repo, 'shared/a.py', 'real.py', 'from shared import missing_helper\nNAME = "a"\n');
    linkModule(repo, 'svc_b/util.py', 'real.py', 'NAME = "b"\n');
    writeFileSync(path.join(repo, 'svc_b/main.py'), 'from svc_b import util\n');
    git(repo, 'add', '-A');
    expect(git(repo, 'rev-parse', ':shared/a.py')).toBe(git(repo, 'rev-parse', ':svc_b/util.py'));
    const only = [expect.objectContaining({ service: 'svc_a/Dockerfile', file: 'shared/a.py', module: 'shared.missing_helper' })];
    expect(checkStaged(repo).findings).toEqual(only);
    // Again, now that the first run has cached what it parsed.
    expect(checkStaged(repo).findings).toEqual(only);
  });

  it('reads a staged requirements file that is a link as the file it leads to (COPY follows a top-level link)', () => {
    const repo = makeFixtureRepo('gunicorn-pythonpath');
    mkdirSync(path.join(repo, 'requirements'));
    renameSync(path.join(repo, 'services/api/requirements.txt'), path.join(repo, 'requirements/api.txt'));
    symlinkSync('../../requirements/api.txt', path.join(repo, 'services/api/requirements.txt'));
    git(repo, 'add', '-A');
    expect(checkStaged(repo)).toMatchObject({ status: 0, findings: [] });

    // Only the target is staged: the service that installs it through the link is checked again.
    writeFileSync(path.join(repo, 'requirements/api.txt'), 'flask==3.0.3\n');
    git(repo, 'add', 'requirements/api.txt');
    const run = checkStaged(repo);
    expect(run).toMatchObject({ status: 1, checked: ['services/api/Dockerfile'] });
    expect(run.findings).toContainEqual(expect.objectContaining({ severity: 'error', distribution: 'gunicorn' }));
  });

  it('checks a service again when the target of a symlinked module it imports is edited', () => {
    const repo = makeFixtureRepo('incremental-two-services');
    linkModule(repo, 'shared/b.py', 'b_impl.py', 'NAME = "b"\n');
    git(repo, 'add', '-A');
    expect(checkStaged(repo)).toMatchObject({ status: 0, checked: ['svc_a/Dockerfile', 'svc_b/Dockerfile'] });
    git(repo, 'commit', '-qm', 'shared.b through a link');

    // Only the target is staged; the link's own blob (its target path) is unchanged.
    writeFileSync(path.join(repo, 'shared/b_impl.py'), 'from shared import missing_helper\nNAME = "b"\n');
    git(repo, 'add', 'shared/b_impl.py');
    const run = checkStaged(repo);
    expect(run).toMatchObject({ status: 1, checked: ['svc_b/Dockerfile'] });
    expect(run.findings).toEqual([expect.objectContaining({ rule: 'missing-copy', file: 'shared/b.py', module: 'shared.missing_helper' })]);
  });
});

describe('check --staged and the config', () => {
  it('uses the config being committed, not the one in the working tree', () => {
    const repo = makeFixtureRepo('config-variants');
    // Staged: the billing variant is excluded; working tree: the file is broken JSON.
    writeFileSync(path.join(repo, 'dockguard.config.json'), JSON.stringify({ exclude: ['svc/**'] }));
    git(repo, 'add', 'dockguard.config.json');
    writeFileSync(path.join(repo, 'dockguard.config.json'), '{ not json');
    const run = runCli(repo, ['check', '--staged', '--format', 'json']);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).services).toEqual([expect.objectContaining({ dockerfile: 'svc/Dockerfile', status: 'skipped', reason: 'excluded by config' })]);
  });

  it('checks every service when a config kept in pyproject.toml is staged', () => {
    const repo = makeFixtureRepo('incremental-two-services');
    writeFileSync(path.join(repo, 'pyproject.toml'), '[project]\nname = "shop"\nversion = "1"\n\n[tool.dockguard]\nexclude = []\n');
    git(repo, 'add', 'pyproject.toml');
    expect(checkStaged(repo).checked).toEqual(['svc_a/Dockerfile', 'svc_b/Dockerfile']);
  });
});

describe('check --staged and sources that exist only at build time', () => {
  it('re-checks a service kept clean by a gitignored source when the .gitignore changes', () => {
    const repo = makeFixtureRepo('untracked-build-inputs');
    const stage = (file: string, text: string) => {
      writeFileSync(path.join(repo, file), text);
      git(repo, 'add', file);
    };
    stage('services/ranker/ranker/__init__.py', '"""Ranker."""\n');
    expect(checkStaged(repo)).toMatchObject({ status: 0, checked: ['services/ranker/Dockerfile'] });
    git(repo, 'commit', '-qm', 'Document ranker');

    // Without the ignore pattern nothing makes models/ before the build: no folder explains the COPY sources.
    stage('.gitignore', '__pycache__/\n*.pyc\nservices/api/app/local_settings.py\n');
    const run = checkStaged(repo);
    expect(run.findings).toEqual(expect.arrayContaining([expect.objectContaining({ rule: 'context-unknown', file: 'services/ranker/Dockerfile' })]));
    expect(run.status).toBe(1);
  });
});
