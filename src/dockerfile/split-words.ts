/**
 * Splits instruction arguments into words the way BuildKit's `parseWords`
 * does for ENV/ARG/LABEL: whitespace separates words except inside quotes,
 * and quotes and escapes stay in the word (the shell lexer removes them
 * later, in `expandWord`).
 */
export function splitWords(text: string, escape = '\\'): string[] {
  const words: string[] = [];
  let word = '';
  let quote = '';
  let inWord = false;
  // A quoted empty string ("") is still a word.
  let blankOk = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (!inWord) {
      if (isSpace(ch)) continue;
      inWord = true;
    }
    if (quote === '') {
      if (isSpace(ch)) {
        if (blankOk || word.length > 0) words.push(word);
        word = '';
        blankOk = false;
        inWord = false;
        continue;
      }
      if (ch === "'" || ch === '"') {
        quote = ch;
        blankOk = true;
      } else if (ch === escape) {
        if (i + 1 === text.length) continue;
        word += ch + text[++i]!;
        continue;
      }
      word += ch;
      continue;
    }
    if (ch === quote) quote = '';
    else if (ch === escape && quote !== "'") {
      if (i + 1 === text.length) continue;
      word += ch + text[++i]!;
      continue;
    }
    word += ch;
  }
  if (inWord && (blankOk || word.length > 0)) words.push(word);
  return words;
}

/** Plain whitespace split, as BuildKit does for COPY/ADD/FROM arguments. */
export function splitWhitespace(text: string): string[] {
  return text.split(/\s+/).filter((w) => w.length > 0);
}

function isSpace(ch: string): boolean {
  return ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || ch === '\f' || ch === '\v';
}
