import type { Suppression } from './suppression.js';

const DIRECTIVE = /^\s*#\s*dockguard:\s*ignore(?:\[([^\]]*)\])?(?=\s|$)/;

/**
 * Dockerfile comments cannot share a line with an instruction (a `#` there is
 * literal text), so `# dockguard: ignore[rule]` on its own line silences the
 * next instruction line.
 */
export function findDockerfileSuppressions(file: string, text: string): Suppression[] {
  if (!text.includes('dockguard')) return [];
  const lines = text.split(/\r?\n/);
  const found: Suppression[] = [];
  lines.forEach((line, i) => {
    const match = DIRECTIVE.exec(line);
    if (!match) return;
    let next = i + 1;
    while (next < lines.length && /^\s*(#.*)?$/.test(lines[next]!)) next++;
    if (next >= lines.length) return;
    const rules = (match[1] ?? '').split(',').map((r) => r.trim()).filter(Boolean);
    found.push({ file, line: next + 1, rules });
  });
  return found;
}
