/**
 * What a service's image installs and how that compares with what its code
 * imports: the input of the dependency rules (missing-package, …).
 * Filled by `analyzeDependencies`; no logic lives here.
 */
export interface DependencyAnalysis {
  /** Python minor the image runs, and where that came from. */
  pythonVersion: { version: string; source: 'base-image' | 'default'; note?: string };
}
