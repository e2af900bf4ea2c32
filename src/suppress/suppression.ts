/** An inline `# dockguard: ignore[rule, …]` comment and the line it silences. */
export interface Suppression {
  file: string;
  /** The line whose findings it silences (the import line, or the Dockerfile instruction below the comment). */
  line: number;
  /** Rule names or codes; empty = every rule. */
  rules: string[];
}

export const suppressionKey = (s: Pick<Suppression, 'file' | 'line'>): string => `${s.file}:${s.line}`;
