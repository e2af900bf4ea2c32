import { parse as parseToml, TomlError } from 'smol-toml';
import { parse as parseYaml, parseDocument, YAMLParseError } from 'yaml';
import { ConfigError } from '../errors.js';

export type ConfigFormat = 'json' | 'toml' | 'yaml';

/** Parses a config file's text; a syntax error becomes a ConfigError naming the file and line. */
export function parseConfigText(text: string, format: ConfigFormat, file: string): unknown {
  try {
    if (format === 'json') return JSON.parse(text);
    if (format === 'toml') return parseToml(text);
    return parseYaml(text);
  } catch (error) {
    const line = findErrorLine(error, text);
    const where = line === undefined ? file : `${file}:${line}`;
    const reason = firstLine(error instanceof Error ? error.message : String(error));
    throw new ConfigError(`${where}: cannot parse ${format.toUpperCase()}: ${reason}`, `fix the syntax of ${file}`);
  }
}

function findErrorLine(error: unknown, text: string): number | undefined {
  if (error instanceof TomlError) return error.line;
  if (error instanceof YAMLParseError) return error.linePos?.[0]?.line;
  if (!(error instanceof SyntaxError)) return undefined;
  // V8 reports JSON errors by character offset ("at position 42"), or by line on newer versions.
  const byLine = /line (\d+)/.exec(error.message);
  if (byLine) return Number(byLine[1]);
  const byPosition = /position (\d+)/.exec(error.message);
  if (byPosition) return text.slice(0, Number(byPosition[1])).split('\n').length;
  if (/end of JSON input/.test(error.message)) return text.split('\n').length;
  // Some V8 messages give no position; JSON is nearly YAML, whose parser locates the same mistake.
  return parseDocument(text, { schema: 'json', strict: true }).errors[0]?.linePos?.[0]?.line;
}

function firstLine(message: string): string {
  return message.split('\n')[0]?.trim() ?? message;
}
