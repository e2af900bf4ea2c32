const IMPORT = /^import\s+(.+)$/;
const FROM_IMPORT = /^from\s+([A-Za-z_][\w.]*)\s+import\b/;
const DOTTED = /^[A-Za-z_][\w.]*$/;

/**
 * Top-level modules a `python -c` one-liner imports. A regex is enough:
 * the code is a line or two of `;`-separated statements.
 */
export function extractInlineImports(code: string): string[] {
  const modules: string[] = [];
  for (const raw of code.split(/[;\n]/)) {
    const statement = raw.trim();
    const from = FROM_IMPORT.exec(statement);
    if (from?.[1]) {
      modules.push(from[1]);
      continue;
    }
    const plain = IMPORT.exec(statement);
    if (!plain?.[1]) continue;
    for (const item of plain[1].split(',')) {
      const name = item.trim().split(/\s+as\s+/)[0]?.trim() ?? '';
      if (DOTTED.test(name)) modules.push(name);
    }
  }
  return [...new Set(modules)];
}
