import { describe, expect, it } from 'vitest';
import { inferContext } from '../../src/discover/infer-context.js';
import { createRepoTree } from '../../src/discover/repo-tree.js';
import { asRepoPath } from '../../src/types.js';
import { memorySnapshot } from './helpers/memory-snapshot.js';

async function infer(files: Record<string, string>, dockerfile: string) {
  const snapshot = memorySnapshot(files);
  return inferContext(asRepoPath(dockerfile), snapshot, createRepoTree(snapshot));
}

describe('inferContext', () => {
  it("uses the Dockerfile's folder when it copies nothing from the context", async () => {
    expect(await infer({ 'a/Dockerfile': 'FROM python:3.12\nCOPY --from=builder /x /x\nRUN pip install x\n' }, 'a/Dockerfile')).toEqual({
      context: 'a',
      origin: "inferred: no COPY sources, using the Dockerfile's folder",
    });
  });

  it('prefers the deepest folder that explains every literal source', async () => {
    const files = { 'svc/api/Dockerfile': 'FROM python\nCOPY app /app\n', 'svc/api/app/main.py': '', 'app/main.py': '' };
    expect(await infer(files, 'svc/api/Dockerfile')).toMatchObject({ context: 'svc/api', origin: 'inferred from COPY sources (1 of 1 found)' });
  });

  it('counts wildcard sources that match, and does not require them', async () => {
    const files = {
      'svc/api/Dockerfile': 'FROM python\nCOPY svc/api/requirements*.txt svc/api/poetry.lock* ./\nCOPY svc/api/src /app\n',
      'svc/api/requirements-prod.txt': '',
      'svc/api/src/main.py': '',
    };
    expect(await infer(files, 'svc/api/Dockerfile')).toMatchObject({ context: '', origin: 'inferred from COPY sources (2 of 3 found)' });
  });

  it('treats a source hidden by the candidate .dockerignore as missing', async () => {
    const files = {
      'svc/api/Dockerfile': 'FROM python\nCOPY app /app\nCOPY settings.py /app/\n',
      'svc/api/app/main.py': '',
      'svc/api/settings.py': '',
      'svc/api/.dockerignore': 'settings.py\n',
    };
    expect(await infer(files, 'svc/api/Dockerfile')).toEqual({
      context: undefined,
      origin: 'no folder contains all COPY sources; best: svc/api (1 of 2 found; not found there: "settings.py")',
      candidate: 'svc/api',
    });
  });

  it("lets <Dockerfile>.dockerignore replace the context's .dockerignore", async () => {
    const files = {
      'svc/api/Dockerfile': 'FROM python\nCOPY app /app\nCOPY settings.py /app/\n',
      'svc/api/Dockerfile.dockerignore': '**/__pycache__\n',
      'svc/api/app/main.py': '',
      'svc/api/settings.py': '',
      'svc/api/.dockerignore': 'settings.py\n',
    };
    expect(await infer(files, 'svc/api/Dockerfile')).toMatchObject({ context: 'svc/api' });
  });

  it('names the repository root as the best partial candidate', async () => {
    const files = { 'docker/Dockerfile': 'FROM python\nCOPY libs /libs\nCOPY services/api /app\n', 'libs/x.py': '' };
    expect(await infer(files, 'docker/Dockerfile')).toEqual({
      context: undefined,
      origin: 'no folder contains all COPY sources; best: the repository root (1 of 2 found; not found there: "services/api")',
      candidate: '',
    });
  });

  it('counts a folder the .dockerignore excludes as present when it re-includes files below it', async () => {
    const files = {
      'Dockerfile': 'FROM python:3.12-slim\nCOPY Pipfile Pipfile.lock ./\nCOPY server ./server\nCOPY client ./client\n',
      '.dockerignore': '# Ignore everything\n**\n\n!Pipfile\n!Pipfile.lock\n!server/**\n!client/*.js\n',
      'Pipfile': '',
      'Pipfile.lock': '',
      'server/main.py': '',
      'client/index.js': '',
      'client/assets/logo.svg': '',
    };
    expect(await infer(files, 'Dockerfile')).toEqual({ context: '', origin: 'inferred from COPY sources (4 of 4 found)' });
    const hidden = { ...files, '.dockerignore': '**\n!Pipfile\n!Pipfile.lock\n!server/**\n' };
    expect(await infer(hidden, 'Dockerfile')).toMatchObject({ context: undefined, candidate: '' });
  });

  it('counts a source that exists only at build time as found, and says why', async () => {
    const files = { 'svc/Dockerfile': 'FROM python:3.12-slim\nCOPY models /app/models\nCOPY app /app/app\n', 'svc/app/main.py': '' };
    const snapshot = memorySnapshot(files);
    const unseen = (p: string) => (p === 'svc/models' ? 'gitignored by svc/.gitignore line 1' : undefined);
    expect(await inferContext(asRepoPath('svc/Dockerfile'), snapshot, createRepoTree(snapshot), unseen)).toEqual({
      context: 'svc',
      origin: 'inferred from COPY sources (2 of 2 found)',
      unseen: [{ source: 'models', reason: 'gitignored by svc/.gitignore line 1' }],
    });
  });
});
