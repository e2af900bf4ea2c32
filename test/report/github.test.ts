import { afterAll, describe, expect, it } from 'vitest';
import { escapeData, escapeProperty, formatGithub } from '../../src/report/github.js';
import type { CheckResult } from '../../src/result.js';
import { checkFixture } from '../helpers/finding-summary.js';
import { removeFixtureRepos } from '../helpers/fixture-repo.js';

afterAll(removeFixtureRepos);

/**
 * A workflow command as the runner reads it (actions/runner ActionCommand.cs):
 * `::name key=value,…::data`, properties split at `,` and `=`, then unescaped.
 */
function parseCommand(line: string): { name: string; properties: Record<string, string>; data: string } | undefined {
  const match = /^::([a-z]+)(?: ([^:]*))?::(.*)$/.exec(line);
  if (!match) return undefined;
  const unescape = (s: string) => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');
  const properties = Object.fromEntries(
    (match[2] ?? '')
      .split(',')
      .filter(Boolean)
      .map((pair) => {
        const eq = pair.indexOf('=');
        return [pair.slice(0, eq), unescape(pair.slice(eq + 1))];
      }),
  );
  return { name: match[1]!, properties, data: unescape(match[3]!) };
}

describe('GitHub workflow commands', () => {
  it('give one annotation per distinct problem, each a well-formed command (fixture report-formats)', async () => {
    const output = formatGithub(await checkFixture('report-formats'));
    const lines = output.trimEnd().split('\n');
    const commands = lines.map(parseCommand);
    expect(commands.every(Boolean)).toBe(true);
    expect(commands.map((c) => [c!.name, c!.properties])).toEqual([
      ['error', { file: 'services/api/app.py', line: '1', title: 'DG101 missing-package' }],
      ['error', { file: 'shared/audit.py', line: '3', title: 'DG001 missing-copy' }],
      ['warning', { file: 'services/worker/Dockerfile', line: '10', title: 'DG004 unmodelled-source' }],
      ['warning', { file: 'services/worker/worker/main.py', line: '3', title: 'DG001 missing-copy' }],
    ]);
    expect(commands[1]!.data).toBe(
      [
        'module shared.events (shared/events/) is imported but not copied into the image',
        'in 2 services: services/api/Dockerfile, services/worker/Dockerfile',
        "fix (services/api/Dockerfile): add after line 10 of services/api/Dockerfile (the last COPY of the image's stage)",
        '  COPY shared/events/ ./shared/events/',
        "fix (services/worker/Dockerfile): add after line 9 of services/worker/Dockerfile (the last COPY of the image's stage)",
        '  COPY shared/events/ ./shared/events/',
      ].join('\n'),
    );
    expect(commands[3]!.data).toContain('\nassumed: the image may hold it after all: /srv/acme_proto comes from COPY --from=ghcr.io/acme/proto-stubs:2.4');
  });

  it('print nothing for a clean repository (fixture multi-stage-correct)', async () => {
    expect(formatGithub(await checkFixture('multi-stage-correct'))).toBe('');
  });

  it('escape %, CR and LF in the message, and also : and , in properties', () => {
    expect(escapeData('100% done\r\nnext: a, b')).toBe('100%25 done%0D%0Anext: a, b');
    expect(escapeProperty('C:\\a,b%\n')).toBe('C%3A\\a%2Cb%25%0A');
    const result: CheckResult = {
      root: '/repo', services: [], baselined: [], notes: ['a note: 50%'], stats: { durationMs: 1, unaffected: 0, filesAnalysed: 0, filesParsed: 0 },
      findings: [
        { code: 'DG002', rule: 'copy-source-missing', severity: 'error', evidence: 'proven', service: 'a,b/Dockerfile', file: 'a,b/Dockerfile', line: 0, message: 'COPY source "x:y,z%" does not exist\nsecond line' },
      ],
    };
    const [annotation, note] = formatGithub(result).trimEnd().split('\n').map(parseCommand);
    // No line property for a finding about the whole file; the file name with a comma survives.
    expect(annotation).toEqual({ name: 'error', properties: { file: 'a,b/Dockerfile', title: 'DG002 copy-source-missing' }, data: 'COPY source "x:y,z%" does not exist\nsecond line' });
    expect(note).toEqual({ name: 'notice', properties: { title: 'dockguard' }, data: 'a note: 50%' });
  });
});
