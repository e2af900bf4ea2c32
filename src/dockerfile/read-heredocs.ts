/** One heredoc of an instruction (`<<EOF` … `EOF`), with its body as BuildKit passes it on. */
export interface Heredoc {
  /** The delimiter without `-` or quotes. */
  name: string;
  /** Body lines joined with `\n`, with a final newline as BuildKit writes it; leading tabs removed for `<<-`. */
  content: string;
  /** 1-based Dockerfile line of the body's first line. */
  line: number;
  /** A quoted delimiter (`<<"EOF"`): BuildKit does not expand variables in the body. */
  quoted: boolean;
}

const MARKER = /(?<!<)<<(-?)(["']?)([^\s"'<>|&;]+)\2/g;

/**
 * Splits an instruction's argument text (as dockerfile-ast returns it: the
 * header line, then the heredoc bodies) into its header and its heredocs.
 * Bodies follow the header in the order their markers appear, each ending at
 * a line that is exactly its delimiter.
 */
export function readHeredocs(body: string, firstLine: number, escape: string): { header: string; heredocs: Heredoc[] } {
  const lines = body.split('\n');
  // The header may continue over escaped newlines (`RUN --mount=… \` then `<<EOF`).
  let headerEnd = 0;
  while (headerEnd < lines.length - 1 && lines[headerEnd]!.trimEnd().endsWith(escape)) headerEnd++;
  const headerLines = lines.slice(0, headerEnd + 1);
  const header = headerLines.map((l, i) => (i < headerEnd ? l.trimEnd().slice(0, -escape.length) : l)).join(' ');
  const heredocs: Heredoc[] = [];
  let at = headerEnd + 1;
  for (const marker of header.matchAll(MARKER)) {
    const stripTabs = marker[1] === '-';
    const name = marker[3]!;
    const start = at;
    const content: string[] = [];
    for (; at < lines.length; at++) {
      const text = stripTabs ? lines[at]!.replace(/^\t+/, '') : lines[at]!;
      if (text === name) break;
      content.push(text);
    }
    heredocs.push({ name, content: content.length > 0 ? `${content.join('\n')}\n` : '', line: firstLine + start, quoted: marker[2] !== '' });
    at++;
  }
  return { header, heredocs };
}
