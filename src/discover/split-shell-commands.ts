/**
 * Splits one logical shell line into simple commands (at `;`, `&&`, `||`,
 * `|`, `&`, parentheses) made of words with quotes removed. Expansions
 * (`$(…)`, `${…}`, backticks) are kept verbatim inside their word so they
 * can be recognised later; nothing is ever evaluated.
 */
export function splitShellCommands(line: string): string[][] {
  const commands: string[][] = [];
  let words: string[] = [];
  let word = '';
  let inWord = false;
  const endWord = (): void => {
    if (inWord) words.push(word);
    word = '';
    inWord = false;
  };
  const endCommand = (): void => {
    endWord();
    if (words.length > 0) commands.push(words);
    words = [];
  };
  for (let i = 0; i < line.length; i += 1) {
    const c = line[i] as string;
    if (c === "'") {
      const close = line.indexOf("'", i + 1);
      const end = close < 0 ? line.length : close;
      word += line.slice(i + 1, end);
      inWord = true;
      i = end;
    } else if (c === '"') {
      const { text, end } = readDoubleQuoted(line, i + 1);
      word += text;
      inWord = true;
      i = end;
    } else if (c === '\\') {
      word += line[i + 1] ?? '';
      inWord = true;
      i += 1;
    } else if (c === '$' && (line[i + 1] === '(' || line[i + 1] === '{')) {
      const end = findExpansionEnd(line, i + 1);
      word += line.slice(i, end + 1);
      inWord = true;
      i = end;
    } else if (c === '`') {
      const close = line.indexOf('`', i + 1);
      const end = close < 0 ? line.length - 1 : close;
      word += line.slice(i, end + 1);
      inWord = true;
      i = end;
    } else if (c === ' ' || c === '\t' || c === '\n' || c === '\r') endWord();
    else if (c === '#' && !inWord) break;
    else if (';&|()'.includes(c)) endCommand();
    else {
      word += c;
      inWord = true;
    }
  }
  endCommand();
  return commands;
}

function readDoubleQuoted(line: string, start: number): { text: string; end: number } {
  let text = '';
  for (let i = start; i < line.length; i += 1) {
    const c = line[i] as string;
    if (c === '"') return { text, end: i };
    if (c === '\\' && '"\\$`'.includes(line[i + 1] ?? '')) {
      text += line[i + 1];
      i += 1;
    } else if (c === '$' && (line[i + 1] === '(' || line[i + 1] === '{')) {
      const end = findExpansionEnd(line, i + 1);
      text += line.slice(i, end + 1);
      i = end;
    } else text += c;
  }
  return { text, end: line.length };
}

/** Index of the bracket closing the one at `open`, skipping quoted text; the last index when unbalanced. */
export function findExpansionEnd(text: string, open: number): number {
  const closeOf: Record<string, string> = { '(': ')', '{': '}' };
  const stack: string[] = [];
  let quote: string | undefined;
  for (let i = open; i < text.length; i += 1) {
    const c = text[i] as string;
    if (quote) {
      if (c === quote) quote = undefined;
      else if (c === '\\' && quote === '"') i += 1;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '(' || c === '{') stack.push(closeOf[c] as string);
    else if (c === stack[stack.length - 1]) {
      stack.pop();
      if (stack.length === 0) return i;
    }
  }
  return text.length - 1;
}
