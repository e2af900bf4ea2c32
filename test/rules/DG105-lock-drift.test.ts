import { afterAll, describe, expect, it } from 'vitest';
import { lockDrift } from '../../src/rules/DG105-lock-drift.js';
import { analyzeInline, removeInlineRepos } from '../deps/analyze-inline-repo.js';

afterAll(removeInlineRepos);
const files = (declared: string) => ({
  Dockerfile: 'FROM python:3.12-slim\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\n',
  'requirements.in': declared,
  'requirements.txt': 'flask==3.1.0\n    # via -r requirements.in\nwerkzeug==3.1.3\n    # via flask\n',
});

describe('DG105 lock-drift', () => {
  it('catches a declared requirement missing from the lock and one pinned outside its specifier', async () => {
    const findings = lockDrift.check(await analyzeInline({ files: files('flask>=3.2\nhttpx\n') }));
    expect(findings.map((f) => [f.file, f.line, f.distribution])).toEqual([['requirements.in', 1, 'flask'], ['requirements.in', 2, 'httpx']]);
    expect(findings[0]!.message).toContain('pins 3.1.0');
    expect(findings[0]!.fix!.text).toBe('pip-compile requirements.in -o requirements.txt');
  });

  it('does not catch a lock that honours its declaration', async () => {
    expect(lockDrift.check(await analyzeInline({ files: files('flask>=3.0\n') }))).toEqual([]);
  });

  it('does not catch drift of a lock the image never installs: pip install . reads the declaration, not poetry.lock', async () => {
    const pyproject = '[tool.poetry]\nname = "svc"\nversion = "1.0"\ndescription = ""\nauthors = ["a"]\n\n[tool.poetry.dependencies]\npython = "^3.11"\nflask = "^3.0"\nhttpx = "*"\n\n[build-system]\nrequires = ["poetry-core"]\nbuild-backend = "poetry.core.masonry.api"\n';
    const lock = '[[package]]\nname = "flask"\nversion = "3.0.3"\ndescription = ""\noptional = false\npython-versions = ">=3.8"\nfiles = []\n\n[metadata]\nlock-version = "2.0"\npython-versions = "^3.11"\ncontent-hash = "x"\n';
    const image = (install: string) => `FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN ${install}\n`;
    const viaPip = await analyzeInline({ files: { Dockerfile: image('pip install --no-cache-dir .'), 'pyproject.toml': pyproject, 'poetry.lock': lock } });
    expect(lockDrift.check(viaPip)).toEqual([]);
    const viaPoetry = await analyzeInline({ files: { Dockerfile: image('pip install poetry && poetry config virtualenvs.create false && poetry install --only main'), 'pyproject.toml': pyproject, 'poetry.lock': lock } });
    expect(lockDrift.check(viaPoetry).map((f) => [f.file, f.distribution, f.severity])).toEqual([['pyproject.toml', 'httpx', 'error']]);
  });
});
