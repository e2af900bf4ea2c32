import { describe, expect, it } from 'vitest';
import { createDefaultConfig, validateConfig } from '../../src/config/schema.js';
import { ConfigError } from '../../src/errors.js';

function issuesOf(raw: unknown): string[] {
  try {
    validateConfig(raw, 'dockguard.config.json');
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    expect(message.startsWith('invalid config in dockguard.config.json: ')).toBe(true);
    return message.slice('invalid config in dockguard.config.json: '.length).split('; ');
  }
  throw new Error('expected a ConfigError');
}

describe('validateConfig', () => {
  it('returns the defaults for an empty object or an absent section', () => {
    expect(validateConfig({}, 'x')).toEqual(createDefaultConfig());
    expect(validateConfig(undefined, 'x')).toEqual(createDefaultConfig());
    expect(createDefaultConfig().cache).toBe(true);
  });

  it('rejects a null config (a file holding `null`) instead of reading it as empty', () => {
    expect(() => validateConfig(null, 'dockguard.config.json')).toThrow(ConfigError);
    expect(() => validateConfig(null, 'dockguard.config.json')).toThrow('dockguard.config.json: the dockguard config is null');
  });

  it('accepts every key with valid values', () => {
    const raw = {
      services: [
        { dockerfile: 'deploy/api.Dockerfile', context: '.', name: 'api', target: 'prod', buildArgs: { APP: 'api', EMPTY: '' }, entrypoint: ['python', '-m', 'api'], roots: ['api/plugins.py'] },
        { dockerfile: 'deploy/api.Dockerfile', context: '.', name: 'api-worker', entrypoint: 'celery -A api.tasks worker' },
      ],
      exclude: ['legacy/**', '**/Dockerfile.dev'],
      roots: { 'deploy/api.Dockerfile': ['api/loader.py'], api: ['api/x.py'] },
      packageMap: { 'google.cloud.bigquery': 'google-cloud-bigquery' },
      basePackages: { 'ghcr.io/acme/ml-base:*': ['numpy', 'torch'] },
      implicitPackages: [
        { id: 'sqlalchemy-postgres', when: { strings: ['postgresql://'], imports: ['sqlalchemy'] }, needs: [['psycopg2', 'psycopg2-binary', 'psycopg']], message: 'needs a driver' },
      ],
      systemPackages: [{ distribution: 'psycopg2', apt: ['libpq5'], apk: ['libpq'], message: 'needs libpq' }],
      cache: false,
      rules: { 'missing-package': 'warning', 'transitive-only': 'warning', 'unused-ignore': 'off' },
      ignore: [{ paths: ['legacy/**'], rules: ['missing-package'] }],
    };
    const config = validateConfig(raw, 'dockguard.config.json');
    expect(config).toEqual(raw);
    expect(validateConfig({ rules: { DG101: 'error' }, ignore: [{ paths: ['old/**'], rules: ['DG001'] }] }, 'c.json')).toMatchObject({ rules: { 'missing-package': 'error' }, ignore: [{ rules: ['missing-copy'] }] });
  });

  it('collects every wrong type with its key path in one error', () => {
    expect(
      issuesOf({
        services: [{ dockerfile: 'a/Dockerfile', context: '.', buildArgs: { APP: 1 }, entrypoint: [], roots: 'x.py', target: 3, name: '' }],
        exclude: 'legacy/**',
        roots: { api: [1] },
        packageMap: { yaml: ['pyyaml'] },
        basePackages: { 'python:*': 'numpy' },
        cache: 'yes',
        rules: { 'no-such-rule': 'error', 'missing-copy': 'loud' },
        ignore: [{ paths: 'legacy', rules: ['DG999'], extra: 1 }],
      }),
    ).toEqual([
      'services[0].name: expected a non-empty string',
      'services[0].target: expected a string',
      'services[0].buildArgs.APP: expected a string',
      'services[0].entrypoint: expected a command string or a non-empty array of strings',
      'services[0].roots: expected an array of strings',
      'exclude: expected an array of strings',
      'roots.api[0]: expected a string',
      'packageMap.yaml: expected a string',
      'basePackages["python:*"]: expected an array of strings',
      'cache: expected true or false',
      'rules.no-such-rule: unknown rule (see dockguard check --help for the rule table)',
      'rules.missing-copy: expected "error", "warning" or "off"',
      'ignore[0].extra: unknown key (expected one of paths, rules)',
      'ignore[0].paths: expected an array of strings',
      'ignore[0].rules[0]: unknown rule "DG999"',
    ]);
  });

  it('rejects unknown keys at every level', () => {
    expect(
      issuesOf({
        service: [],
        services: [{ dockerfile: 'Dockerfile', context: '.', args: {} }],
        implicitPackages: [{ id: 'x', when: { import: ['a'], imports: ['a'] }, needs: [['b']], extra: 1 }],
        systemPackages: [{ distribution: 'psycopg2', apt: ['libpq5'], yum: ['libpq'] }],
      })[0],
    ).toMatch(/^service: unknown key \(expected one of services, exclude/);
    const issues = issuesOf({
      services: [{ dockerfile: 'Dockerfile', context: '.', args: {} }],
      implicitPackages: [{ id: 'x', when: { import: ['a'], imports: ['a'] }, needs: [['b']], extra: 1 }],
      systemPackages: [{ distribution: 'psycopg2', apt: ['libpq5'], yum: ['libpq'] }],
    });
    expect(issues.map((i) => i.split(':')[0])).toEqual([
      'services[0].args',
      'implicitPackages[0].extra',
      'implicitPackages[0].when.import',
      'systemPackages[0].yum',
    ]);
  });

  it('requires dockerfile and context, repository-relative', () => {
    expect(
      issuesOf({ services: [{ name: 'a' }, { dockerfile: '/abs/Dockerfile', context: '../outside' }, 'Dockerfile'] }),
    ).toEqual([
      'services[0].dockerfile: required',
      'services[0].context: required',
      'services[1].dockerfile: expected a path relative to the repository root, got "/abs/Dockerfile"',
      'services[1].context: "../outside" points outside the repository',
      'services[2]: expected an object with dockerfile and context',
    ]);
    expect(issuesOf({ services: {} })).toEqual(['services: expected an array of { dockerfile, context, … } objects']);
  });

  it('requires a distinct name on each entry of a Dockerfile listed more than once', () => {
    expect(
      issuesOf({
        services: [
          { dockerfile: 'api/Dockerfile', context: '.' },
          { dockerfile: './api/Dockerfile', context: 'api', name: 'slim' },
          { dockerfile: 'web/Dockerfile', context: '.', name: 'slim' },
        ],
      }),
    ).toEqual([
      'services[2].name: "slim" is already used by services[1]',
      'services[0].name: required because api/Dockerfile is listed 2 times',
    ]);
  });

  it('checks implicitPackages conditions, alternatives and ids', () => {
    expect(
      issuesOf({
        implicitPackages: [
          { id: 'a', when: {}, needs: [] },
          { id: 'b', when: { calls: ['to_dataframe'] }, needs: [[], ['db-dtypes', 2]] },
          { id: 'b', when: { calls: ['read_gbq'] }, needs: [['pandas-gbq']], message: 7 },
          { when: 'always', needs: [['x']] },
          'rule',
        ],
      }),
    ).toEqual([
      'implicitPackages[0].when: expected at least one non-empty condition (imports, calls, strings, launchArgs)',
      'implicitPackages[0].needs: expected a non-empty array of alternatives, e.g. [["psycopg2", "psycopg2-binary"]]',
      'implicitPackages[1].needs[0]: expected at least one distribution',
      'implicitPackages[1].needs[1][1]: expected a string',
      'implicitPackages[2].message: expected a string',
      'implicitPackages[3].id: expected a string',
      'implicitPackages[3].when: expected an object with one or more of imports, calls, strings, launchArgs',
      'implicitPackages[4]: expected an object',
      'implicitPackages[2].id: "b" is used twice',
    ]);
  });

  it('checks systemPackages entries', () => {
    expect(issuesOf({ systemPackages: [{ distribution: 'psycopg2' }, { apt: 'libpq5' }], implicitPackages: {} })).toEqual([
      'implicitPackages: expected an array of objects',
      'systemPackages[0]: expected apt or apk (the OS packages the distribution needs)',
      'systemPackages[1].distribution: expected a string',
      'systemPackages[1].apt: expected an array of strings',
    ]);
  });

  it('rejects a config that is not an object', () => {
    expect(() => validateConfig(['services'], 'package.json')).toThrow('package.json: the dockguard config must be an object');
  });
});
