/** An HCL value as bake files use them: strings (interpolation kept as written), numbers, booleans, lists, objects. */
export type HclValue = string | number | boolean | null | HclValue[] | { [key: string]: HclValue };

/** `type "label" { … }` with its attributes and the 1-based line it starts on. */
export interface HclBlock {
  type: string;
  labels: string[];
  attributes: Record<string, HclValue>;
  line: number;
}

/**
 * Reads the HCL subset of `docker-bake.hcl`: top-level blocks with string
 * labels holding `name = value` attributes (nested blocks are skipped).
 * Expressions other than literals are kept as their source text, so a path
 * built from a function call stays unresolved. Throws on text it cannot read.
 */
export function parseHcl(text: string): HclBlock[] {
  const reader = new HclReader(text);
  const blocks: HclBlock[] = [];
  for (reader.skipSpace(); !reader.done(); reader.skipSpace()) {
    const line = reader.line();
    const type = reader.identifier();
    reader.skipSpace();
    if (reader.peek() === '=') {
      reader.next();
      reader.value();
      continue;
    }
    const labels: string[] = [];
    while (reader.skipSpace(), reader.peek() === '"') labels.push(reader.string());
    reader.expect('{');
    blocks.push({ type, labels, attributes: reader.body(), line });
  }
  return blocks;
}

class HclReader {
  private at = 0;
  constructor(private readonly text: string) {}

  done(): boolean {
    return this.at >= this.text.length;
  }
  peek(): string {
    return this.text[this.at] ?? '';
  }
  next(): string {
    return this.text[this.at++] ?? '';
  }
  line(): number {
    return this.text.slice(0, this.at).split('\n').length;
  }
  expect(c: string): void {
    this.skipSpace();
    if (this.next() !== c) throw new Error(`expected "${c}" on line ${this.line()}`);
  }

  skipSpace(): void {
    for (;;) {
      const rest = this.text.slice(this.at, this.at + 2);
      if (/^\s/.test(rest)) this.at += 1;
      else if (rest.startsWith('#') || rest === '//') this.at = this.lineEnd();
      else if (rest === '/*') this.at = Math.max(this.text.indexOf('*/', this.at + 2) + 2, this.at + 2);
      else return;
    }
  }
  private lineEnd(): number {
    const end = this.text.indexOf('\n', this.at);
    return end < 0 ? this.text.length : end;
  }

  identifier(): string {
    const match = /^[A-Za-z_][\w-]*/.exec(this.text.slice(this.at));
    if (!match) throw new Error(`unexpected "${this.peek()}" on line ${this.line()}`);
    this.at += match[0].length;
    return match[0];
  }

  /** Attributes up to the closing `}`; nested blocks are read and dropped. */
  body(): Record<string, HclValue> {
    const attributes: Record<string, HclValue> = {};
    for (this.skipSpace(); this.peek() !== '}'; this.skipSpace()) {
      if (this.done()) throw new Error('unclosed block');
      const name = this.peek() === '"' ? this.string() : this.identifier();
      this.skipSpace();
      if (this.peek() === '=' || this.peek() === ':') {
        this.next();
        attributes[name] = this.value();
      } else {
        while (this.skipSpace(), this.peek() === '"') this.string();
        this.expect('{');
        this.body();
      }
      this.skipSpace();
      if (this.peek() === ',') this.next();
    }
    this.next();
    return attributes;
  }

  value(): HclValue {
    this.skipSpace();
    const c = this.peek();
    if (c === '"') return this.string();
    if (c === '<' && this.text.startsWith('<<', this.at)) return this.heredoc();
    if (c === '[') {
      this.next();
      const items: HclValue[] = [];
      for (this.skipSpace(); this.peek() !== ']'; this.skipSpace()) {
        if (this.done()) throw new Error('unclosed list');
        items.push(this.value());
        this.skipSpace();
        if (this.peek() === ',') this.next();
      }
      this.next();
      return items;
    }
    if (c === '{') {
      this.next();
      return this.body();
    }
    // A literal or an expression: up to the end of the line, a comma or a closing bracket at depth 0.
    let depth = 0;
    const start = this.at;
    while (!this.done()) {
      const ch = this.peek();
      if (ch === '"') {
        this.string();
        continue;
      }
      if (ch === '(' || ch === '[' || ch === '{') depth += 1;
      if (ch === ')' || ch === ']' || ch === '}') {
        if (depth === 0) break;
        depth -= 1;
      }
      if (depth === 0 && (ch === '\n' || ch === ',')) break;
      this.next();
    }
    const raw = this.text.slice(start, this.at).trim();
    if (/^-?\d+(\.\d+)?$/.test(raw)) return Number(raw);
    if (raw === 'true' || raw === 'false') return raw === 'true';
    if (raw === 'null') return null;
    return `\${${raw}}`;
  }

  string(): string {
    this.expect('"');
    let out = '';
    while (!this.done() && this.peek() !== '"') {
      const c = this.next();
      if (c === '\\') {
        const e = this.next();
        out += e === 'n' ? '\n' : e === 't' ? '\t' : e;
      } else if (c === '$' && this.peek() === '{') {
        // Keep `${…}` whole, quotes inside it included.
        let depth = 0;
        out += c;
        do {
          const d = this.next();
          if (d === '{') depth += 1;
          if (d === '}') depth -= 1;
          out += d;
        } while (depth > 0 && !this.done());
      } else out += c;
    }
    this.next();
    return out;
  }

  heredoc(): string {
    const match = /^<<-?(\w+)\n/.exec(this.text.slice(this.at));
    if (!match) throw new Error(`bad heredoc on line ${this.line()}`);
    this.at += match[0].length;
    const end = this.text.slice(this.at).search(new RegExp(`^\\s*${match[1]}\\s*$`, 'm'));
    const body = end < 0 ? this.text.slice(this.at) : this.text.slice(this.at, this.at + end);
    this.at = end < 0 ? this.text.length : this.lineEndFrom(this.at + end);
    return body;
  }
  private lineEndFrom(at: number): number {
    const end = this.text.indexOf('\n', at);
    return end < 0 ? this.text.length : end;
  }
}
