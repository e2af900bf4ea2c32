import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RULES } from '../../src/rules/index.js';
import { makeFixtureRepo, removeFixtureRepos } from '../helpers/fixture-repo.js';
import { runCli, withoutTiming } from '../helpers/run-cli.js';

afterAll(removeFixtureRepos);

describe('dockguard check --format FORMAT[:FILE] / --output-file (built CLI)', () => {
  it('writes the report to the file and the summary line to the terminal, keeping the exit code', () => {
    const repo = makeFixtureRepo('report-formats');
    const run = runCli(repo, ['check', '--format', 'sarif', '--output-file', 'reports/dockguard.sarif']);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('');
    expect(withoutTiming(run.stdout)).toBe('✖ dockguard: 2 services checked · 3 errors · 2 warnings · <time>\n  sarif report: reports/dockguard.sarif\n');
    const log = JSON.parse(readFileSync(path.join(repo, 'reports/dockguard.sarif'), 'utf8'));
    expect(log.version).toBe('2.1.0');
    expect(log.runs[0].results).toHaveLength(4);
  });

  it('produces several reports in one run: one on standard output, the others in their files', () => {
    const repo = makeFixtureRepo('report-formats');
    const plain = runCli(repo, ['check']);
    const run = runCli(repo, ['check', '--format', 'text', '--format', 'github:out/annotations.txt,markdown:out/summary.md', '--format=gitlab:out/codequality.json']);
    expect(run.status).toBe(1);
    expect(withoutTiming(run.stdout)).toBe(withoutTiming(plain.stdout));
    expect(readFileSync(path.join(repo, 'out/annotations.txt'), 'utf8')).toMatch(/^::error file=services\/api\/app\.py,line=1,title=DG101 missing-package::/);
    expect(readFileSync(path.join(repo, 'out/summary.md'), 'utf8')).toMatch(/^## dockguard\n/);
    expect(JSON.parse(readFileSync(path.join(repo, 'out/codequality.json'), 'utf8'))).toHaveLength(4);
  });

  it('exits 0 on a clean repository with every report written', () => {
    const repo = makeFixtureRepo('multi-stage-correct');
    const run = runCli(repo, ['check', '--format', 'json,sarif:clean.sarif']);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).summary.errors).toBe(0);
    expect(JSON.parse(readFileSync(path.join(repo, 'clean.sarif'), 'utf8')).runs[0].results).toEqual([]);
  });

  it.each([
    [['--format', 'sarif:reports'], 'dockguard: cannot write the sarif report to reports: it is a directory\n'],
    [['--format', 'sarif', '--output-file', 'reports'], 'dockguard: cannot write the sarif report to reports: it is a directory\n'],
    [['--format', 'sarif:services/api/app.py/x.sarif'], 'dockguard: cannot write the sarif report to services/api/app.py/x.sarif: a parent of it is a file, not a folder\n'],
    [['--format', 'text,json'], 'dockguard: only one format can go to standard output (text, json); give the others a file: --format FORMAT:FILE\n'],
    [['--format', 'text,json', '--output-file', 'x'], 'dockguard: --output-file takes the one format given without a file, and 2 are; write --format FORMAT:FILE for each\n'],
    [['--format', 'json:a.json,sarif:a.json'], 'dockguard: a.json: both the json and the sarif report would be written there; give each its own file\n'],
    [['--format', 'sarif:'], "dockguard: option '--format <format>' argument 'sarif:' is invalid. sarif: give a file after the colon. (see dockguard check --help)\n"],
  ])('%j exits 2 with one line and writes nothing', (args, stderr) => {
    const repo = makeFixtureRepo('report-formats');
    mkdirSync(path.join(repo, 'reports'));
    const run = runCli(repo, ['check', ...args]);
    expect(run).toEqual({ status: 2, stdout: '', stderr });
    expect(existsSync(path.join(repo, 'a.json'))).toBe(false);
  });
});

describe('dockguard rules [CODE] (built CLI)', () => {
  it('prints the rule table', () => {
    const run = runCli(process.cwd(), ['rules']);
    expect(run.status).toBe(0);
    const rows = run.stdout.split('\n').filter((line) => /^DG\d{3} /.test(line));
    expect(rows.map((row) => row.split(/\s+/)[1])).toEqual(RULES.map((r) => r.name));
    expect(rows.find((row) => row.startsWith('DG107'))).toMatch(/^DG107 {2}transitive-only +off /);
  });

  it("prints one rule's documentation, by code or name in any case", () => {
    const run = runCli(process.cwd(), ['rules', 'dg001']);
    expect(run).toEqual({
      status: 0,
      stderr: '',
      stdout: [
        'DG001 missing-copy',
        '',
        'severity: error when proven, a warning when it rests on an assumption',
        'catches:  a first-party module the service imports is not copied into the image',
        'why:      the import raises ModuleNotFoundError in the running container',
        "fix:      add the COPY line shown to the service's Dockerfile, or remove the pattern of the ignore file that hides the module",
        'silence:  `# dockguard: ignore[missing-copy] -- <reason>` on the line (or the line above a Dockerfile instruction); `"rules": { "missing-copy": "off" }` in the config, or `--ignore missing-copy`',
        'docs:     https://github.com/dockguard/dockguard/blob/main/README.md#dg001-missing-copy',
        '',
      ].join('\n'),
    });
    expect(runCli(process.cwd(), ['rules', 'Missing-Copy']).stdout).toBe(run.stdout);
  });

  it('exits 2 with one line for an unknown rule', () => {
    expect(runCli(process.cwd(), ['rules', 'DG999'])).toEqual({ status: 2, stdout: '', stderr: 'dockguard: unknown rule "DG999" (dockguard rules lists them)\n' });
  });
});
