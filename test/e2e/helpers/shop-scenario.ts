import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Fix } from '../../../src/types.js';
import { dockguard } from './dockguard-cli.js';

/**
 * test/fixtures/hook-monorepo: three services built from one repository.
 * `api` copies services/api/ and shared/, `worker` copies two files of
 * shared/ by name, `reports` is built from its own folder. Everything is
 * correct as committed; the helpers below make the edits a developer would.
 */
export const SHOP = 'hook-monorepo';

const API_APP_IMPORTING_BILLING = `"""Shop HTTP API."""
from flask import Flask, jsonify, request

from billing.invoice import describe
from shared.util import slugify

app = Flask(__name__)


@app.post("/products")
def create_product():
    payload = request.get_json(force=True)
    return jsonify({"slug": slugify(payload["name"])}), 201


@app.post("/invoices/preview")
def preview_invoice():
    return jsonify({"summary": describe(request.get_json(force=True)["lines"])})
`;

/** The planted bug: the API starts using billing/, which its Dockerfile does not copy. */
export function importBillingInApi(root: string): void {
  writeFileSync(path.join(root, 'services/api/app.py'), API_APP_IMPORTING_BILLING);
}

/** Applies every fix dockguard proposes for the staged commit, as a developer following the output would. */
export function applyProposedFixes(root: string): Fix[] {
  const report = JSON.parse(dockguard(root, 'check', '--staged', '--format', 'json').stdout) as { findings: Array<{ fix?: Fix }> };
  const fixes = report.findings.flatMap((f) => (f.fix ? [f.fix] : []));
  for (const fix of [...fixes].sort((a, b) => b.line - a.line)) insertAfterLine(root, fix.file, fix.line, fix.text);
  return fixes;
}

export function insertAfterLine(root: string, file: string, line: number, text: string): void {
  const lines = readFileSync(path.join(root, file), 'utf8').split('\n');
  lines.splice(line, 0, ...text.split('\n'));
  writeFileSync(path.join(root, file), lines.join('\n'));
}

export function removeLine(root: string, file: string, exact: string): void {
  const text = readFileSync(path.join(root, file), 'utf8');
  if (!text.includes(`${exact}\n`)) throw new Error(`${file} has no line ${exact}`);
  writeFileSync(path.join(root, file), text.replace(`${exact}\n`, ''));
}

/** What dockguard prints for the planted bug, up to the summary line (timing normalised). */
export const API_MISSING_BILLING = [
  'error DG001 missing-copy  services/api/app.py:4',
  '  module billing.invoice (billing/) is imported but not copied into the image',
  '  in services/api/Dockerfile',
  '  import chain:',
  '    services/api/Dockerfile:13  starts app',
  '    services/api/app.py:4       imports billing.invoice',
  "  fix: add after line 10 of services/api/Dockerfile (the last COPY of the image's stage)",
  '    COPY billing/ ./billing/',
  '',
].join('\n');

/** How the hook that ran is told apart in the hints: its bypass, and whether a merge is being concluded. */
export interface HookContext {
  runner?: 'git' | 'pre-commit-framework';
  merge?: boolean;
}

/** The lines under every blocked commit (src/report/hook-hints.ts), in the words of the hook that ran. */
export const blockedHints = ({ runner = 'git', merge = false }: HookContext = {}): string =>
  [
    `This ${merge ? 'merge' : 'commit'} was blocked because an image would lack code or packages it needs.`,
    `  fix it:        add the lines shown under fix:, stage them (git add), and ${merge ? 'conclude the merge with git commit' : 'commit again'}`,
    '  re-run:        npx dockguard check --staged',
    '  accept one:    put # dockguard: ignore[missing-copy] -- <reason> on the import line (or on the line above the Dockerfile instruction)',
    "  accept all:    npx dockguard baseline records today's errors so that only new ones block",
    `  skip the hook: ${runner === 'pre-commit-framework' ? 'SKIP=dockguard git commit' : 'git commit --no-verify'}${merge ? ' (concludes the merge unchecked)' : ''}`,
  ].join('\n');
export const BLOCKED_HINTS = blockedHints();

/** The full `check --staged` report of the planted bug: the same through every hook, but for the hints. */
export const blockedApiReport = (hook: HookContext = {}): string =>
  `${API_MISSING_BILLING}\n✖ dockguard: 1 service checked · 2 unaffected · 1 error · 0 warnings · <time>\n\n${blockedHints(hook)}\n`;
export const BLOCKED_API_REPORT = blockedApiReport();
