import { DockerfileParser, type Instruction } from 'dockerfile-ast';
import { readHeredocs, type Heredoc } from './read-heredocs.js';

export interface DockerFlag {
  name: string;
  /** `null` for a bare `--flag`. */
  value: string | null;
}

/** One instruction, with continuations joined and comment lines dropped. */
export interface DockerInstruction {
  /** Upper-case keyword (`copy` → `COPY`). */
  keyword: string;
  /** 1-based line where the instruction starts. */
  line: number;
  flags: DockerFlag[];
  /** Argument text after the flags; for heredoc instructions only the instruction's own line. */
  args: string;
  /** Argument text after the flags including heredoc bodies. */
  body: string;
  /** Exec (JSON array) form, when the arguments are one. */
  json: string[] | undefined;
  /** Heredocs in the order their markers appear, with their bodies. */
  heredocs: Heredoc[];
}

export interface ParsedDockerfile {
  escape: string;
  instructions: DockerInstruction[];
  /** Lines the parser could not make sense of (1-based). */
  problems: Array<{ line: number; message: string }>;
}

export const KNOWN_INSTRUCTIONS = new Set([
  'ADD', 'ARG', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'FROM', 'HEALTHCHECK', 'LABEL',
  'MAINTAINER', 'ONBUILD', 'RUN', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR',
]);

const NEEDS_ARGUMENTS = new Set(['ARG', 'ENV', 'FROM', 'USER', 'WORKDIR']);

/**
 * Recent parses by text: context inference and the image model read the
 * same Dockerfile, and dockerfile-ast costs ~0.1 ms a line. Treat the
 * result as read-only.
 */
const recent = new Map<string, ParsedDockerfile>();
const RECENT_MAX = 64;

/** Parses Dockerfile text; never throws (garbage becomes `problems`). */
export function parseDockerfile(text: string): ParsedDockerfile {
  let parsed = recent.get(text);
  if (!parsed) {
    parsed = parseText(text);
    if (recent.size >= RECENT_MAX) recent.delete(recent.keys().next().value!);
    recent.set(text, parsed);
  }
  return parsed;
}

function parseText(text: string): ParsedDockerfile {
  const problems: ParsedDockerfile['problems'] = [];
  let parsed: ReturnType<typeof DockerfileParser.parse>;
  try {
    parsed = DockerfileParser.parse(text);
  } catch (error) {
    return { escape: '\\', instructions: [], problems: [{ line: 1, message: `cannot parse: ${String(error)}` }] };
  }
  const instructions: DockerInstruction[] = [];
  const escape = parsed.getEscapeCharacter();
  for (const node of parsed.getInstructions()) {
    const instruction = toInstruction(node, escape);
    if (!KNOWN_INSTRUCTIONS.has(instruction.keyword)) {
      problems.push({ line: instruction.line, message: `unknown instruction "${node.getInstruction()}"` });
      continue;
    }
    if (instruction.args === '' && NEEDS_ARGUMENTS.has(instruction.keyword)) {
      problems.push({ line: instruction.line, message: `${instruction.keyword} requires at least one argument` });
      continue;
    }
    instructions.push(instruction);
  }
  return { escape, instructions, problems };
}

function toInstruction(node: Instruction, escape: string): DockerInstruction {
  const withFlags = node as Instruction & { getFlags?: () => Array<{ getName(): string; getValue(): string | null }> };
  const flags = withFlags.getFlags?.().map((f) => ({ name: f.getName(), value: f.getValue() })) ?? [];
  // dockerfile-ast finds the heredocs (names and ranges only); their bodies are read from the argument text.
  const withHeredocs = node as Instruction & { getHeredocs?: () => unknown[] };
  const hasHeredocs = (withHeredocs.getHeredocs?.().length ?? 0) > 0;
  const body = node.getArgumentsContent() ?? '';
  const line = node.getRange().start.line + 1;
  const split = hasHeredocs ? readHeredocs(body, argumentsLine(node, line), escape) : undefined;
  const args = split ? split.header : body;
  return {
    keyword: node.getKeyword().toUpperCase(),
    line,
    flags,
    args: args.trim(),
    body,
    json: parseJsonForm(args),
    heredocs: split?.heredocs ?? [],
  };
}

/** 1-based line where the argument text starts (after flags on continued lines). */
function argumentsLine(node: Instruction, fallback: number): number {
  const range = node.getArgumentsRange?.();
  return range ? range.start.line + 1 : fallback;
}

/** BuildKit's `parseMaybeJSON`: a valid JSON array of strings, else shell form. */
export function parseJsonForm(args: string): string[] | undefined {
  const trimmed = args.trim();
  if (!trimmed.startsWith('[')) return undefined;
  try {
    const value: unknown = JSON.parse(trimmed);
    if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value as string[];
  } catch {
    // Not JSON: BuildKit falls back to the shell form.
  }
  return undefined;
}
