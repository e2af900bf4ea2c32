import { describe, expect, it } from 'vitest';
import { imageFiles, model, origins, rules } from './model-helpers.js';

describe('CMD / ENTRYPOINT / HEALTHCHECK / SHELL / USER', () => {
  it('exec and shell forms are kept as written', () => {
    const m = model('FROM x\nCMD ["uvicorn", "app.main:app"]\nENTRYPOINT python -m svc $PORT\n');
    expect(m.entrypoint).toEqual({ form: 'shell', command: 'python -m svc $PORT', line: 3 });
    // CMD was set in this stage before ENTRYPOINT, so it survives.
    expect(m.cmd).toEqual({ form: 'exec', args: ['uvicorn', 'app.main:app'], line: 2 });
  });

  it('an ENTRYPOINT resets a CMD inherited from the parent stage', () => {
    const m = model('FROM x AS base\nCMD ["python", "a.py"]\nFROM base\nENTRYPOINT ["gunicorn"]\n');
    expect(m.cmd).toBeUndefined();
    expect(m.entrypoint).toEqual({ form: 'exec', args: ['gunicorn'], line: 4 });
  });

  it('CMD after ENTRYPOINT in a child stage is kept; inherited state flows through FROM', () => {
    const m = model('FROM x AS base\nENTRYPOINT ["tini", "--"]\nUSER app\nSHELL ["/bin/bash", "-c"]\nFROM base\nCMD ["python", "m.py"]\n');
    expect(m.entrypoint?.line).toBe(2);
    expect(m.cmd?.line).toBe(6);
    expect(m.user).toBe('app');
    expect(m.shell).toEqual(['/bin/bash', '-c']);
  });

  it('HEALTHCHECK CMD forms, and NONE clears', () => {
    expect(model('FROM x\nHEALTHCHECK --interval=5s CMD python -c "import app"\n').healthcheck).toEqual({
      form: 'shell', command: 'python -c "import app"', line: 2,
    });
    expect(model('FROM x\nHEALTHCHECK CMD ["python", "hc.py"]\n').healthcheck).toEqual({ form: 'exec', args: ['python', 'hc.py'], line: 2 });
    expect(model('FROM x AS a\nHEALTHCHECK CMD true\nFROM a\nHEALTHCHECK NONE\n').healthcheck).toBeUndefined();
  });

  it('SHELL must be JSON; USER is substituted', () => {
    const m = model('FROM x\nARG U=svc\nUSER $U:$U\nSHELL /bin/bash -c\n');
    expect(m.user).toBe('svc:svc');
    expect(m.shell).toEqual(['/bin/sh', '-c']);
    expect(rules(m)).toEqual([['dockerfile-syntax', 4]]);
  });
});

describe('stages', () => {
  const files = ['services/api/requirements.txt', 'services/api/app/main.py', 'libs/common/db.py'];
  const reference16 = [
    'FROM python:3.12-slim AS build',
    'WORKDIR /w',
    'COPY services/api/requirements.txt services/api/',
    'RUN pip install --prefix=/install -r services/api/requirements.txt',
    'FROM python:3.12-slim',
    'WORKDIR /srv',
    'COPY --from=build /install /usr/local',
    'COPY services/api/app ./app',
    'COPY libs ./libs',
    'CMD ["uvicorn", "app.main:app", "--host", "0.0.0.0"]',
  ].join('\n');

  it('models the final stage of the reference worked example (§16)', () => {
    const m = model(reference16, files);
    expect(m.target).toBe('1');
    expect(m.baseImage).toBe('python:3.12-slim');
    expect(imageFiles(m)).toEqual(['/srv/app/main.py', '/srv/libs/common/db.py']);
    expect(m.opaque).toEqual([{ path: '/usr/local', line: 7, reason: expect.stringContaining('stage build') }]);
    expect(m.runs.map((r) => [r.stage, r.line, r.workdir])).toEqual([['build', 4, '/w']]);
    expect(m.copies.map((c) => c.line)).toEqual([7, 8, 9]);
    expect(m.problems).toEqual([]);
  });

  it('--target picks a stage; unknown target is a syntax problem', () => {
    expect(imageFiles(model(reference16, files, { target: 'BUILD' }))).toEqual(['/w/services/api/requirements.txt']);
    expect(rules(model(reference16, files, { target: 'nope' }))).toEqual([['dockerfile-syntax', 0]]);
  });

  it('COPY --from resolves paths from the stage root, by name (any case) or index, not from its WORKDIR', () => {
    const text = 'FROM x AS Builder\nWORKDIR /w\nCOPY libs libs\nFROM x\nCOPY --from=builder w/libs /a\nCOPY --from=0 /w/libs/common /b/\n';
    const m = model(text, files);
    expect(origins(m)).toEqual({ '/a/common/db.py': 'libs/common/db.py', '/b/db.py': 'libs/common/db.py' });
    expect(m.files.get('/a/common/db.py' as never)?.line).toBe(5);
  });

  it('several sources from one stage are all copied', () => {
    const text = 'FROM x AS b\nCOPY libs /l\nCOPY services /s\nFROM x\nCOPY --from=b /l /s /out/\n';
    expect(imageFiles(model(text, files))).toEqual(['/out/api/app/main.py', '/out/api/requirements.txt', '/out/common/db.py']);
  });

  it('FROM <stage> inherits files; only the target FS ships', () => {
    const text = 'FROM x AS base\nCOPY libs /libs\nFROM base AS dev\nCOPY services /services\nFROM base\nCOPY services/api/app /app\n';
    const m = model(text, files);
    expect(imageFiles(m)).toEqual(['/app/main.py', '/libs/common/db.py']);
    expect(m.baseImage).toBe('x');
    expect(m.copies.map((c) => [c.stage, c.line])).toEqual([['base', 2], ['2', 6]]);
  });

  it('FROM matches only earlier stages; a later name is an image', () => {
    const m = model('FROM later AS first\nFROM x AS later\n', [], { target: 'first' });
    expect(m.baseImage).toBe('later');
    expect(m.problems).toEqual([]);
  });

  it('COPY --from an external image or a variable is opaque and reported', () => {
    const m = model('FROM x\nARG S=b\nCOPY --from=ghcr.io/acme/tools:0.4 /opt/tools /opt/\nCOPY --from=$S /x /y\n');
    expect(m.opaque.map((o) => [o.path, o.line])).toEqual([['/opt', 3], ['/y', 4]]);
    expect(rules(m)).toEqual([['unmodelled-source', 3], ['unmodelled-source', 4]]);
  });

  it('COPY --from a known image of the programs it ships is not reported (they are read from data/base-images.json)', () => {
    const m = model('FROM x\nCOPY --from=ghcr.io/astral-sh/uv:0.4 /uv /uvx /bin/\nCOPY --from=ghcr.io/astral-sh/uv:0.4 /etc/passwd /tmp/\n');
    expect(rules(m)).toEqual([['unmodelled-source', 3]]);
  });

  it('opaque parts of a builder stage travel with COPY --from', () => {
    const text = 'FROM x AS b\nADD https://example.com/t.tgz /opt/t/\nCOPY libs /opt/libs\nFROM x\nCOPY --from=b /opt /o\n';
    const m = model(text, files);
    expect(imageFiles(m)).toEqual(['/o/libs/common/db.py']);
    expect(m.opaque.map((o) => o.path)).toEqual(['/o/t']);
  });

  it('a stage that copies from itself is a cycle, not a crash', () => {
    const m = model('FROM x AS a\nCOPY --from=a /x /y\n');
    expect(rules(m)).toEqual([['dockerfile-syntax', 2]]);
  });

  it('RUN records: command, env, and bind mounts from the context or a stage', () => {
    const text = [
      'FROM python:3.12 AS base', 'ARG UV_VERSION=0.4', 'ENV UV_PROJECT_ENVIRONMENT=/usr/local', 'WORKDIR /app',
      'RUN --mount=type=bind,source=uv.lock,target=uv.lock --mount=type=cache,target=/root/.cache --mount=type=bind,from=base,source=/x,target=/mnt uv sync --frozen',
      'RUN ["pip", "install", "-r", "requirements.txt"]',
    ].join('\n');
    const m = model(text, ['uv.lock']);
    expect(m.runs).toEqual([
      {
        line: 5, stage: 'base', command: 'uv sync --frozen', form: 'shell', workdir: '/app',
        env: { UV_VERSION: '0.4', UV_PROJECT_ENVIRONMENT: '/usr/local' },
        bindMounts: [{ target: '/app/uv.lock', repoPath: 'uv.lock' }, { target: '/mnt', repoPath: undefined, from: 'base', source: '/x' }],
      },
      {
        line: 6, stage: 'base', command: 'pip install -r requirements.txt', form: 'exec', args: ['pip', 'install', '-r', 'requirements.txt'],
        workdir: '/app', env: { UV_VERSION: '0.4', UV_PROJECT_ENVIRONMENT: '/usr/local' }, bindMounts: [],
      },
    ]);
  });
});

describe('ADD and heredocs', () => {
  it('ADD URL and git sources are opaque and reported', () => {
    const m = model('FROM x\nADD https://example.com/a.py /app/\nADD git@github.com:o/r.git#main /src\n');
    expect(m.opaque.map((o) => o.path)).toEqual(['/app', '/src']);
    expect(rules(m)).toEqual([['unmodelled-source', 2], ['unmodelled-source', 3]]);
  });

  it('ADD of a local tar is opaque at the destination; other files copy like COPY', () => {
    const m = model('FROM x\nADD vendor.tar.gz wheels.whl /opt/\nADD --unpack=false v2.tgz /raw/\n', ['vendor.tar.gz', 'wheels.whl', 'v2.tgz']);
    expect(imageFiles(m)).toEqual(['/opt/wheels.whl', '/raw/v2.tgz']);
    expect(m.opaque.map((o) => o.path)).toEqual(['/opt']);
    expect(rules(m)).toEqual([['unmodelled-source', 2]]);
  });

  it('heredoc COPY writes a file with its body, padded so its lines are the Dockerfile lines', () => {
    const m = model('FROM x\nWORKDIR /app\nCOPY <<EOF settings.py\nDEBUG = False\nEOF\nCOPY <<-CFG ./\n\tx\n\tCFG\nCMD ["python"]\n');
    expect(m.opaque).toEqual([]);
    expect([...m.files]).toEqual([
      ['/app/settings.py', { repoPath: 'Dockerfile', line: 3, inline: `${'\n'.repeat(3)}DEBUG = False\n` }],
      ['/app/CFG', { repoPath: 'Dockerfile', line: 6, inline: `${'\n'.repeat(6)}x\n` }],
    ]);
    expect(m.cmd?.line).toBe(9);
    expect(m.problems).toEqual([]);
  });

  it('a heredoc file copied from another stage keeps its content', () => {
    const m = model('FROM x AS gen\nCOPY <<EOF /out/conf.py\nA = 1\nEOF\nFROM x\nCOPY --from=gen /out /app\n');
    expect(m.files.get('/app/conf.py' as never)?.inline).toBe('\n\nA = 1\n');
  });

  it('RUN <<EOF runs its body as the commands, from the line below the RUN', () => {
    const m = model('FROM x\nRUN --mount=type=cache,target=/root/.cache \\\n  <<EOF\n  uv sync --frozen\nEOF\nRUN python3 <<EOF\nimport requests\nEOF\n');
    expect(m.runs.map((r) => [r.line, r.commandLine, r.command])).toEqual([
      [2, 4, '  uv sync --frozen\n'],
      [6, undefined, 'python3 <<EOF\nimport requests\nEOF'],
    ]);
  });

  it('a RUN heredoc with a non-shell shebang is not read as shell commands', () => {
    const m = model('FROM x\nRUN <<EOF\n#!/usr/bin/env python3\nprint("pip install x")\nEOF\nRUN <<EOF\n#!/bin/bash\npip install y\nEOF\n');
    expect(m.runs.map((r) => r.commandLine)).toEqual([undefined, 7]);
  });
});

describe('unknown content and duplicate stage names', () => {
  it('a COPY source with an unresolved variable makes its destination opaque', () => {
    const m = model('FROM x\nWORKDIR /srv\nARG CFG\nCOPY ${CFG} ./app/settings.py\nCOPY $LIBS /opt/libs/\n');
    expect(m.opaque.map((o) => [o.path, o.line])).toEqual([['/srv/app/settings.py', 4], ['/opt/libs', 5]]);
  });

  it('with two stages of one name the last wins for --from, FROM and the target, as in BuildKit', () => {
    const text = 'FROM x AS build\nCOPY old.py /out/\nFROM x AS build\nCOPY new.py /out/\nFROM build AS app\nCOPY --from=build /out /app\n';
    const m = model(text, ['old.py', 'new.py']);
    expect(imageFiles(m)).toEqual(['/app/new.py', '/out/new.py']);
    expect(imageFiles(model(text, ['old.py', 'new.py'], { target: 'build' }))).toEqual(['/out/new.py']);
  });
});
