import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeInline, removeInlineRepos } from './analyze-inline-repo.js';

afterAll(removeInlineRepos);

const UV_LOCK = readFileSync(new URL('../fixtures/uv-default-groups/uv.lock', import.meta.url), 'utf8');
const pyproject = (defaults: string) => `[project]
name = "svc"
version = "0.1.0"
requires-python = ">=3.12"
dependencies = ["requests>=2.31"]

[project.optional-dependencies]
cache = ["redis>=5"]

[dependency-groups]
prod = ["gunicorn>=22"]
dev = ["pytest>=8"]
${defaults}`;

describe('uv sync takes the groups [tool.uv] default-groups names', () => {
  it('default-groups = ["dev", "prod"] with --no-dev installs prod; without the setting only dev is a default', async () => {
    const run = async (defaults: string) => {
      const a = await analyzeInline({
        files: { Dockerfile: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY pyproject.toml uv.lock ./\nRUN uv sync --frozen --no-dev --extra cache\n', 'pyproject.toml': pyproject(defaults), 'uv.lock': UV_LOCK },
        imports: ['requests', 'redis', 'gunicorn', 'pytest'],
      });
      return a.dependencies!.missingPackages.map((m) => m.module);
    };
    expect(await run('\n[tool.uv]\ndefault-groups = ["dev", "prod"]\n')).toEqual(['pytest']);
    expect(await run('\n[tool.uv]\ndefault-groups = "all"\n')).toEqual(['pytest']);
    expect(await run('')).toEqual(['gunicorn', 'pytest']);
  });
});
