/**
 * PEP 508 environment markers → a small tree. Kept apart from evaluation so
 * requirement parsing can reject a malformed marker without evaluating it.
 */

export type MarkerOperand = { kind: 'var'; name: string } | { kind: 'str'; value: string };

export type MarkerNode =
  | { kind: 'and' | 'or'; left: MarkerNode; right: MarkerNode }
  | { kind: 'compare'; left: MarkerOperand; op: string; right: MarkerOperand };

export type MarkerParse = { ok: true; node: MarkerNode } | { ok: false; message: string };

type Token = { kind: 'str' | 'word' | 'op' | 'paren'; text: string };

const TOKEN = /\s*(?:(["'])(.*?)\1|(\(|\))|(===|==|!=|<=|>=|~=|<|>)|([A-Za-z_][A-Za-z0-9_.]*))/y;

function tokenize(text: string): Token[] | string {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    if (/^\s*$/.test(text.slice(TOKEN.lastIndex))) break;
    const at = TOKEN.lastIndex;
    const m = TOKEN.exec(text);
    if (!m) return `unexpected text at column ${at + 1}: ${text.slice(at).trim().slice(0, 20)}`;
    if (m[1] !== undefined) tokens.push({ kind: 'str', text: m[2] ?? '' });
    else if (m[3]) tokens.push({ kind: 'paren', text: m[3] });
    else if (m[4]) tokens.push({ kind: 'op', text: m[4] });
    else tokens.push({ kind: 'word', text: m[5] ?? '' });
  }
  return tokens;
}

/** Parses `python_version >= "3.9" and (sys_platform == "linux" or extra == "s3")`. */
export function parseMarker(text: string): MarkerParse {
  const tokens = tokenize(text);
  if (typeof tokens === 'string') return { ok: false, message: tokens };
  let pos = 0;
  const peek = (): Token | undefined => tokens[pos];
  const fail = (message: string): never => {
    throw new MarkerSyntaxError(message);
  };

  const operand = (): MarkerOperand => {
    const t = tokens[pos++];
    if (t?.kind === 'str') return { kind: 'str', value: t.text };
    if (t?.kind === 'word' && t.text !== 'and' && t.text !== 'or') return { kind: 'var', name: t.text };
    return fail(`expected a marker name or a quoted string, found ${t ? `'${t.text}'` : 'the end'}`);
  };
  const operator = (): string => {
    const t = tokens[pos++];
    if (t?.kind === 'op') return t.text;
    if (t?.kind === 'word' && t.text === 'in') return 'in';
    if (t?.kind === 'word' && t.text === 'not' && peek()?.text === 'in') {
      pos++;
      return 'not in';
    }
    return fail(`expected a comparison operator, found ${t ? `'${t.text}'` : 'the end'}`);
  };
  const atom = (): MarkerNode => {
    if (peek()?.text === '(' && peek()?.kind === 'paren') {
      pos++;
      const inner = orExpr();
      if (tokens[pos++]?.text !== ')') fail("missing ')'");
      return inner;
    }
    const left = operand();
    const op = operator();
    return { kind: 'compare', left, op, right: operand() };
  };
  const chain = (word: 'and' | 'or', next: () => MarkerNode): MarkerNode => {
    let node = next();
    while (peek()?.kind === 'word' && peek()?.text === word) {
      pos++;
      node = { kind: word, left: node, right: next() };
    }
    return node;
  };
  const andExpr = (): MarkerNode => chain('and', atom);
  const orExpr = (): MarkerNode => chain('or', andExpr);

  try {
    if (tokens.length === 0) return { ok: false, message: 'empty marker' };
    const node = orExpr();
    if (pos < tokens.length) return { ok: false, message: `unexpected '${tokens[pos]?.text}'` };
    return { ok: true, node };
  } catch (error) {
    if (error instanceof MarkerSyntaxError) return { ok: false, message: error.message };
    throw error;
  }
}

class MarkerSyntaxError extends Error {}
