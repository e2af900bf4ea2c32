/** User-facing wording of the image model's problems, kept together so it stays consistent. */

export const MESSAGES = {
  sourceMissing: (keyword: string, source: string, context: string) =>
    `${keyword} source "${source}" does not exist in the build context ${describeContext(context)}`,
  sourceIgnored: (keyword: string, source: string, ignoreFile: string) =>
    `${keyword} source "${source}" is excluded from the build context by ${ignoreFile}`,
  unresolvedVariable: (what: string, names: string[]) =>
    `${what} uses ${names.map((n) => `$${n}`).join(', ')}, which has no value here; the files it names cannot be known`,
  fromVariable: (keyword: string, ref: string) =>
    `${keyword} --from=${ref}: BuildKit does not expand variables in --from, so its files cannot be known`,
  externalImage: (keyword: string, image: string) =>
    `${keyword} --from=${image} copies from an external image whose files cannot be seen`,
  unseenSource: (keyword: string, source: string, reason: string) =>
    `${keyword} source "${source}" is not in the repository but exists when the image is built (${reason}); what it puts in the image cannot be seen`,
  remoteSource: (source: string) => `ADD ${source} downloads content that cannot be seen`,
  tarSource: (source: string) => `ADD ${source} unpacks an archive whose contents cannot be seen`,
  tooFewArgs: (keyword: string) => `${keyword} needs at least one source and a destination`,
  unknownFlag: (keyword: string, flag: string) => `${keyword} does not support --${flag}`,
  stageCycle: (ref: string) => `stage "${ref}" depends on itself`,
  unknownTarget: (target: string, names: string[]) =>
    `target stage "${target}" is not defined (stages: ${names.join(', ') || 'none'})`,
  noFrom: () => 'no FROM instruction: this is not a buildable Dockerfile',
  shellNotJson: () => 'SHELL must be a JSON array, e.g. SHELL ["/bin/bash", "-c"]',
} as const;

function describeContext(context: string): string {
  return context === '' ? '(repository root)' : `"${context}"`;
}
