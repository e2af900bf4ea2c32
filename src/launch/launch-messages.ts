/** User-facing wording of the launch stage, kept together so it stays consistent. */

export const ENTRYPOINT_UNKNOWN = 'entrypoint-unknown';

const FALLBACK = "checking all of the service's Python files instead";

export function explainUnknownProgram(program: string): string {
  const looksLikeScript = program.includes('/') || /\.(sh|py)$/.test(program);
  return looksLikeScript
    ? `the entry script ${program} is not in the image`
    : `\`${program}\` is not a Python launcher dockguard knows`;
}

export function describeNoCommand(dockerfile: string): string {
  return `${dockerfile} has no CMD or ENTRYPOINT and no entrypoint is configured, so the Python the container runs is unknown; ${FALLBACK}`;
}

export function describeUnfollowed(description: string, reason: string): string {
  return `cannot tell which Python the container runs from ${description}: ${reason}; ${FALLBACK}`;
}
