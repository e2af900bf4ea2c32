/**
 * A usage string that is only the default of an environment lookup
 * (`os.environ.get("CELERY_BROKER_URL", "redis://…")`): the deployment may
 * set the variable, so the string proves nothing alone. Kept among the
 * module's usage strings with the variable after a NUL, which no rule value
 * contains and no URL pattern crosses.
 */
const SEPARATOR = '\u0000env:';

export const markEnvDefault = (value: string, variable: string): string => `${value}${SEPARATOR}${variable}`;

/** The variable whose default `text` is, or undefined for a plain string. */
export function readEnvDefault(text: string): { value: string; variable: string } | undefined {
  const at = text.indexOf(SEPARATOR);
  return at === -1 ? undefined : { value: text.slice(0, at), variable: text.slice(at + SEPARATOR.length) };
}
