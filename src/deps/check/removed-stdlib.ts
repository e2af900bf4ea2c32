/**
 * Distributions that bring back a module removed from the standard library
 * (PEP 594, PEP 632). Absent = no drop-in package: the code must change.
 */
export const REMOVED_STDLIB_REPLACEMENTS: Readonly<Record<string, string[]>> = {
  distutils: ['setuptools'],
  asyncore: ['pyasyncore'],
  asynchat: ['pyasynchat'],
  cgi: ['legacy-cgi'],
  cgitb: ['legacy-cgi'],
  telnetlib: ['telnetlib-313-and-up'],
  nntplib: ['nntplib'],
};

