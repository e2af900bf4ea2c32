/**
 * TOML parsers drop positions, so findings point at lines found again in the
 * text: a table header, a key under it, or a string value. 0 when not found.
 */
export interface TomlLines {
  header(dotted: string): number;
  key(after: number, key: string): number;
  value(after: number, value: string): number;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function createTomlLines(text: string): TomlLines {
  const lines = text.split(/\r\n|\n|\r/);
  const find = (after: number, re: RegExp): number => {
    for (let i = Math.max(after - 1, 0); i < lines.length; i++) if (re.test(lines[i] ?? '')) return i + 1;
    return 0;
  };
  return {
    header: (dotted) => {
      const parts = dotted.split('.').map((p) => `(?:${escape(p)}|"${escape(p)}")`);
      return find(0, new RegExp(`^\\s*\\[\\s*${parts.join('\\s*\\.\\s*')}\\s*\\]`));
    },
    key: (after, key) => find(after, new RegExp(`^\\s*(?:${escape(key)}|"${escape(key)}"|'${escape(key)}')\\s*=`)),
    value: (after, value) => find(after, new RegExp(`["']${escape(value)}["']`)),
  };
}
