import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { createDefaultConfig } from '../../src/config/schema.js';
import { ConfigError } from '../../src/errors.js';

const dirs: string[] = [];
function repoWith(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'dockguard-config-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function loadError(root: string, explicit?: string): Promise<ConfigError> {
  const error = await loadConfig(root, explicit).then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(ConfigError);
  return error as ConfigError;
}

const PYPROJECT = `[project]
name = "acme"

[tool.dockguard]
exclude = ["legacy/**"]
cache = false

[[tool.dockguard.services]]
dockerfile = "deploy/api.Dockerfile"
context = "."
`;

describe('loadConfig', () => {
  it('returns the defaults and no source when there is no config', async () => {
    const root = repoWith({ 'package.json': '{"name": "acme", "devDependencies": {"dockguard": "^0.1.0"}}' });
    expect(await loadConfig(root)).toEqual({ config: createDefaultConfig(), source: undefined });
  });

  it('reads dockguard.config.json', async () => {
    const root = repoWith({ 'dockguard.config.json': '{"exclude": ["tools/**"]}' });
    const { config, source } = await loadConfig(root);
    expect(source).toBe('dockguard.config.json');
    expect(config.exclude).toEqual(['tools/**']);
  });

  it('reads the dockguard key of package.json', async () => {
    const root = repoWith({ 'package.json': '{"name": "acme", "dockguard": {"packageMap": {"yaml": "PyYAML"}}}' });
    const { config, source } = await loadConfig(root);
    expect(source).toBe('package.json');
    expect(config.packageMap).toEqual({ yaml: 'PyYAML' });
  });

  it('reads [tool.dockguard] of pyproject.toml', async () => {
    const { config, source } = await loadConfig(repoWith({ 'pyproject.toml': PYPROJECT }));
    expect(source).toBe('pyproject.toml');
    expect(config).toMatchObject({
      exclude: ['legacy/**'],
      cache: false,
      services: [{ dockerfile: 'deploy/api.Dockerfile', context: '.' }],
    });
  });

  it('refuses two config locations at once', async () => {
    const root = repoWith({ 'dockguard.config.json': '{}', 'pyproject.toml': PYPROJECT });
    const error = await loadError(root);
    expect(error.message).toBe('dockguard config found in several places: dockguard.config.json, pyproject.toml');
    expect(error.hint).toMatch(/keep the config in one/);
  });

  it('lets --config win over the files found by name, and validates it', async () => {
    const root = repoWith({ 'dockguard.config.json': '{"cache": false}', 'ci.json': '{"cache": true}', 'bad.json': '{"cache": 1}' });
    expect(await loadConfig(root, 'ci.json')).toMatchObject({ config: { cache: true }, source: 'ci.json' });
    expect((await loadError(root, 'bad.json')).message).toBe('invalid config in bad.json: cache: expected true or false');
    expect(await loadConfig(root, path.join(root, 'ci.json'))).toMatchObject({ config: { cache: true } });
  });

  it('reads an explicit pyproject.toml or package.json by its section, and rejects one without it', async () => {
    const root = repoWith({ 'pyproject.toml': PYPROJECT, 'package.json': '{"name": "acme"}' });
    expect((await loadConfig(root, 'pyproject.toml')).config.exclude).toEqual(['legacy/**']);
    expect((await loadError(root, 'package.json')).message).toBe('package.json has no dockguard section');
  });

  it('fails when the --config file does not exist', async () => {
    expect((await loadError(repoWith({}), 'missing.json')).message).toBe('config file not found: missing.json');
  });

  it('names the file and line of a JSON syntax error', async () => {
    const root = repoWith({ 'dockguard.config.json': '{\n  "exclude": ["a"],\n  "cache": tru\n}\n' });
    expect((await loadError(root)).message).toMatch(/^dockguard\.config\.json:3: cannot parse JSON: /);
  });

  it('names the file and line of a TOML syntax error', async () => {
    const root = repoWith({ 'pyproject.toml': '[tool.dockguard]\ncache = false\nexclude = ["a"\n' });
    expect((await loadError(root)).message).toMatch(/^pyproject\.toml:\d: cannot parse TOML: /);
  });
});
