import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { git, makeFixtureRepo, removeFixtureRepos } from './helpers/fixture-repo.js';
import { CLI, runCli } from './helpers/run-cli.js';

/** action.yml, the composite GitHub Action: its structure, and its check step run as the runner would. */

interface Step {
  name?: string;
  id?: string;
  uses?: string;
  run?: string;
  shell?: string;
  if?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
}
interface Action {
  name: string;
  description: string;
  inputs: Record<string, { description: string; default?: string }>;
  outputs: Record<string, { description: string; value: string }>;
  runs: { using: string; steps: Step[] };
}

const text = readFileSync(new URL('../action.yml', import.meta.url), 'utf8');
const action = parse(text) as Action;
const steps = action.runs.steps;
const checkStep = steps.find((s) => s.id === 'check')!;

const temps: string[] = [];
afterAll(() => {
  removeFixtureRepos();
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('action.yml', () => {
  it('is a composite action with a name, a description, and steps that each run something', () => {
    expect(action.name).toBe('dockguard');
    expect(action.description).toEqual(expect.any(String));
    expect(action.runs.using).toBe('composite');
    for (const step of steps) {
      expect(step.name, 'every step is named in the log').toEqual(expect.any(String));
      expect(Boolean(step.uses) !== Boolean(step.run), `${step.name}: either uses or run`).toBe(true);
      if (step.run) expect(step.shell, `${step.name}: a composite run step must say its shell`).toBe('bash');
    }
  });

  it('uses only inputs it declares, step outputs of earlier steps, and no expression inside a script', () => {
    for (const [name, input] of Object.entries(action.inputs)) expect(input.description, name).toEqual(expect.any(String));
    const used = [...text.matchAll(/\binputs\.([A-Za-z0-9_-]+)/g)].map((m) => m[1]!);
    expect(used.length).toBeGreaterThan(0);
    for (const name of used) expect(Object.keys(action.inputs), `inputs.${name}`).toContain(name);
    steps.forEach((step, index) => {
      const earlier = steps.slice(0, index).map((s) => s.id);
      for (const [, id] of JSON.stringify(step).matchAll(/steps\.([A-Za-z0-9_-]+)\.outputs/g)) expect(earlier, `${step.name} reads steps.${id}`).toContain(id);
      // Values reach scripts through env: an expression expanded into a script is a script-injection risk.
      expect(step.run ?? '', step.name).not.toContain('${{');
    });
    for (const [name, output] of Object.entries(action.outputs)) expect(steps.map((s) => s.id), name).toContain(/steps\.([A-Za-z0-9_-]+)\./.exec(output.value)?.[1]);
  });

  it('passes dockguard check only options and formats it has, and its scripts parse', () => {
    const help = runCli(process.cwd(), ['check', '--help']).stdout;
    const options = [...checkStep.run!.matchAll(/(?<=[\s(])--[a-z][a-z-]+/g)].map((m) => m[0]).filter((o) => !['--is-shallow-repository', '--verify', '--quiet', '--no-tags', '--unshallow'].includes(o));
    expect(new Set(options)).toEqual(new Set(['--since', '--format']));
    for (const option of options) expect(help, option).toContain(option);
    const formats = [...checkStep.run!.matchAll(/--format "(\w+)[:"]|format=(\w+)/g)].map((m) => m[1] ?? m[2]);
    expect(new Set(formats)).toEqual(new Set(['text', 'github', 'sarif', 'markdown']));
    const listed = /output format: ([\w, ]+) \(default/.exec(help.replace(/\s+/g, ' '))?.[1]?.split(', ');
    for (const format of formats) expect(listed, format).toContain(format);
    for (const step of steps.filter((s) => s.run)) expect(spawnSync('bash', ['-n', '-c', step.run!]).status, step.name).toBe(0);
    const upload = steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'));
    expect(upload?.with).toMatchObject({ sarif_file: '${{ steps.check.outputs.sarif-file }}' });
  });

  it('its check step runs --since origin/<base> on a pull request and a full check on a push', () => {
    const origin = makeFixtureRepo('check-since');
    const clone = cloneOf(origin, []);
    git(clone, 'checkout', '-q', '-b', 'feature');
    appendFileSync(path.join(clone, 'services/orders/orders/api.py'), '\n# TODO: pagination\n');
    const base = git(clone, 'merge-base', 'origin/main', 'HEAD').slice(0, 12);
    expect(runCheckStep(clone, 'pull_request')).toEqual({
      status: 0,
      stdout: `note: changes since origin/main (merge-base ${base}): 1 path\n✔ dockguard: 1 service checked · 3 unaffected · 0 errors · 0 warnings · <time>\n`,
      outputs: 'exit-code=0\n',
    });
    expect(runCheckStep(clone, 'push')).toMatchObject({ stdout: '✔ dockguard: 4 services checked · 0 errors · 0 warnings · <time>\n', outputs: 'exit-code=0\n' });
  });

  it('writes the SARIF file and the job summary from the same run as the log', () => {
    const origin = makeFixtureRepo('check-since');
    const clone = cloneOf(origin, []);
    const run = runCheckStep(clone, 'push', true);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('✔ dockguard: 4 services checked · 0 errors · 0 warnings · <time>\n');
    const sarifFile = `${clone}-temp/dockguard.sarif`;
    expect(run.outputs).toBe(`sarif-file=${sarifFile}\nexit-code=0\n`);
    expect(JSON.parse(readFileSync(sarifFile, 'utf8'))).toMatchObject({ version: '2.1.0', runs: [{ tool: { driver: { name: 'dockguard' } }, results: [] }] });
    expect(readFileSync(`${clone}-temp/step-summary.md`, 'utf8')).toContain("| service | status | errors | warnings |\n| --- | --- | ---: | ---: |\n| `services/billing/Dockerfile` (billing) | :white_check_mark: passing | 0 | 0 |");
  });

  it('deepens a one-commit checkout of the pull request and fetches its base branch', () => {
    const origin = makeFixtureRepo('check-since');
    git(origin, 'checkout', '-q', '-b', 'feature');
    appendFileSync(path.join(origin, 'services/notify/notify.py'), '\n\nRETRIES = 3\n');
    git(origin, 'commit', '-q', '-am', 'notify: retries');
    // What actions/checkout does by default: one commit, one ref.
    const clone = cloneOf(`file://${origin}`, ['--depth', '1', '--branch', 'feature']);
    expect(git(clone, 'rev-parse', '--is-shallow-repository').trim()).toBe('true');
    const run = runCheckStep(clone, 'pull_request');
    expect(run.stdout).toMatch(/^::notice title=dockguard::shallow checkout: fetching the history --since needs .*\nnote: changes since origin\/main \(merge-base [0-9a-f]{12}\): 1 path\n✔ dockguard: 1 service checked · 3 unaffected · /);
    expect(run.outputs).toBe('exit-code=0\n');
  });
});

function cloneOf(source: string, options: string[]): string {
  const clone = mkdtempSync(path.join(tmpdir(), 'dockguard-action-'));
  temps.push(clone);
  execFileSync('git', ['clone', '-q', ...options, source, clone], { stdio: 'ignore' });
  return clone;
}

/** The check step's script, run by bash as the runner runs it, with the environment action.yml gives it. */
function runCheckStep(clone: string, event: string, reports = false) {
  const output = `${clone}-output`;
  const runnerTemp = `${clone}-temp`;
  temps.push(output, runnerTemp);
  writeFileSync(output, '');
  mkdirSync(runnerTemp, { recursive: true });
  writeFileSync(`${runnerTemp}/step-summary.md`, '');
  const env = {
    ...process.env, NO_COLOR: '1', CLI, EVENT: event, BASE_REF: event === 'push' ? '' : 'main', SINCE: '', ARGS: '--no-cache',
    SARIF: String(reports), ANNOTATIONS: 'false', SUMMARY: String(reports), GITHUB_OUTPUT: output, RUNNER_TEMP: runnerTemp,
    GITHUB_STEP_SUMMARY: `${runnerTemp}/step-summary.md`,
  };
  const result = spawnSync('bash', ['-c', checkStep.run!], { cwd: clone, env, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout.replace(/ · \d+\.\d\ds$/m, ' · <time>'), outputs: readFileSync(output, 'utf8') };
}
