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
