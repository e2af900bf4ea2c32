import type { ShellSeparator } from './shell-command.js';
import { readWord, type WordPart } from './read-word.js';
import { scanBalanced } from './scan-balanced.js';

export type ShellToken =
  | { kind: 'word'; parts: WordPart[]; raw: string; line: number }
  /** `caseEnd`: the `;;` that ends a `case` arm. */
  | { kind: 'op'; op: ShellSeparator | '\n'; line: number; caseEnd?: true }
  /** A redirection with its target already consumed; `output` is the file an output redirection writes, `input` the file `<` reads. */
  | { kind: 'redirect'; line: number; output?: string; input?: string };

const REDIRECT = /(\d*)(<<<|<<-|<<|<>|<&|>&|>>|>\||<|>|&>>|&>)/y;
/** Redirections that write to a file named by their target (`>&` duplicates a descriptor instead). */
const OUTPUT_REDIRECTS = new Set(['>', '>>', '>|', '&>', '&>>']);
const OPERATORS: Array<[string, ShellSeparator]> = [
  ['&&', '&&'], ['||', '||'], ['|&', '|'], [';', ';'], ['|', '|'], ['&', '&'],
];

/**
 * Tokenizer for a POSIX sh subset. `env` is read at each word, so the parser
 * can add variables assigned by earlier commands before later words are read.
 */
export class ShellLexer {
  private pos = 0;
  private readonly heredocs: Array<{ delimiter: string; stripTabs: boolean }> = [];
  private readonly lineStarts: number[] = [0];

  constructor(
    private readonly text: string,
    public env: Record<string, string> | undefined,
  ) {
    for (let i = 0; i < text.length; i++) if (text[i] === '\n') this.lineStarts.push(i + 1);
  }

  next(): ShellToken | undefined {
    this.skipBlanks();
    const { text } = this;
    if (this.pos >= text.length) return undefined;
    const start = this.pos;
    const line = this.lineAt(start);
    const ch = text[start];
    if (ch === '\n') {
      this.pos++;
      this.skipHeredocBodies();
      return { kind: 'op', op: '\n', line };
    }
    REDIRECT.lastIndex = start;
    const redirect = REDIRECT.exec(text);
    if (redirect) return this.readRedirect(redirect[2] as string, start + redirect[0].length, line);
    if (text.startsWith(';;', start)) {
      this.pos += 2;
      return { kind: 'op', op: ';', line, caseEnd: true };
    }
    const op = this.readOperator();
    if (op) return { kind: 'op', op, line };
    if (ch === '(') {
      const end = scanBalanced(text, start, '(', ')');
      this.pos = end;
      return { kind: 'word', parts: [{ text: text.slice(start, end), splittable: false }], raw: text.slice(start, end), line };
    }
    if (ch === ')') {
      this.pos++;
      return { kind: 'word', parts: [{ text: ')', splittable: false }], raw: ')', line };
    }
    const word = readWord(text, start, this.env, true);
    this.pos = word.end;
    return { kind: 'word', parts: word.parts, raw: word.raw, line };
  }

  private readOperator(): ShellSeparator | undefined {
    for (const [spelling, op] of OPERATORS) {
      if (this.text.startsWith(spelling, this.pos)) {
        this.pos += spelling.length;
        return op;
      }
    }
    return undefined;
  }

  private readRedirect(op: string, after: number, line: number): ShellToken {
    this.pos = after;
    this.skipBlanks();
    if (this.pos >= this.text.length || this.text[this.pos] === '\n') return { kind: 'redirect', line };
    const isOutput = OUTPUT_REDIRECTS.has(op);
    const target = readWord(this.text, this.pos, isOutput || op === '<' ? this.env : undefined, true);
    this.pos = target.end;
    if (op === '<<' || op === '<<-') {
      const delimiter = target.parts.map((p) => p.text).join('');
      this.heredocs.push({ delimiter, stripTabs: op === '<<-' });
    }
    const file = target.parts.map((p) => p.text).join('');
    if (isOutput) return { kind: 'redirect', line, output: file };
    return op === '<' ? { kind: 'redirect', line, input: file } : { kind: 'redirect', line };
  }

  /** Skips blanks, line continuations and comments (a `#` starting a word). */
  private skipBlanks(): void {
    const { text } = this;
    while (this.pos < text.length) {
      const ch = text[this.pos];
      if (ch === ' ' || ch === '\t' || ch === '\r') this.pos++;
      else if (ch === '\\' && text[this.pos + 1] === '\n') this.pos += 2;
      else if (ch === '#') {
        const eol = text.indexOf('\n', this.pos);
        this.pos = eol === -1 ? text.length : eol;
      } else break;
    }
  }

  /** Here-document bodies start after the newline that ends their command line. */
  private skipHeredocBodies(): void {
    while (this.heredocs.length > 0) {
      const { delimiter, stripTabs } = this.heredocs.shift()!;
      while (this.pos < this.text.length) {
        const eol = this.text.indexOf('\n', this.pos);
        const end = eol === -1 ? this.text.length : eol;
        let lineText = this.text.slice(this.pos, end).replace(/\r$/, '');
        if (stripTabs) lineText = lineText.replace(/^\t+/, '');
        this.pos = eol === -1 ? this.text.length : eol + 1;
        if (lineText === delimiter) break;
      }
    }
  }

  private lineAt(offset: number): number {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.lineStarts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }
}
