import { DockguardError } from '../errors.js';
import { byCodeUnit } from '../by-code-unit.js';
import type { Finding } from '../types.js';

/** The file `dockguard baseline` writes, at the repository root unless told otherwise. */
export const DEFAULT_BASELINE_FILE = 'dockguard-baseline.json';

/**
 * One accepted finding. Matched on what stays true while the code around it
 * changes (rule, service, file, module or distribution), never on a line
 * number: an edit above an old problem must not make it block again.
 */
export interface BaselineEntry {
  rule: string;
  service: string;
  file: string;
  module?: string;
  distribution?: string;
}

export function toBaselineEntry(finding: Finding): BaselineEntry {
  return {
    rule: finding.rule,
    service: finding.service,
    file: finding.file,
    ...(finding.module !== undefined ? { module: finding.module } : {}),
    ...(finding.module === undefined && finding.distribution !== undefined ? { distribution: finding.distribution } : {}),
  };
}

export const entryKey = (e: BaselineEntry): string => [e.rule, e.service, e.file, e.module ?? '', e.distribution ?? ''].join('\0');

/** The file's text: one entry per line, sorted, so that a fixed problem is a one-line diff. */
export function formatBaseline(findings: readonly Finding[]): string {
  const unique = new Map(findings.map((f) => [entryKey(toBaselineEntry(f)), toBaselineEntry(f)]));
  const entries = [...unique.entries()].sort(([a], [b]) => byCodeUnit(a, b)).map(([, e]) => `    ${JSON.stringify(e)}`);
  const body = entries.length > 0 ? `\n${entries.join(',\n')}\n  ` : '';
  return `{\n  "version": 1,\n  "about": "Findings accepted when dockguard was adopted: they do not block commits. Regenerate with: npx dockguard baseline",\n  "findings": [${body}]\n}\n`;
}

/** Reads a baseline file's text strictly: a wrong baseline must stop the check, never silently accept or block. */
export function parseBaseline(text: string, file: string): BaselineEntry[] {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new DockguardError(`${file}: the baseline is not valid JSON (${(error as Error).message})`, 'regenerate it with `npx dockguard baseline`');
  }
  const findings = (raw as { findings?: unknown } | null)?.findings;
  if (typeof raw !== 'object' || raw === null || (raw as { version?: unknown }).version !== 1 || !Array.isArray(findings)) {
    throw new DockguardError(`${file}: not a dockguard baseline (expected {"version": 1, "findings": [...]})`, 'regenerate it with `npx dockguard baseline`');
  }
  return findings.map((entry, i) => {
    if (!isEntry(entry)) throw new DockguardError(`${file}: findings[${i}] needs string "rule", "service" and "file" (and "module" or "distribution")`);
    return entry;
  });
}

function isEntry(value: unknown): value is BaselineEntry {
  if (typeof value !== 'object' || value === null) return false;
  const e = value as Record<string, unknown>;
  const optional = (v: unknown) => v === undefined || typeof v === 'string';
  return typeof e.rule === 'string' && typeof e.service === 'string' && typeof e.file === 'string' && optional(e.module) && optional(e.distribution);
}
