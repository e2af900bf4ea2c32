/**
 * URL schemes that name one of several interchangeable services of a kind:
 * a module that writes URLs for more than one of a kind (a dict of
 * `"postgres": "postgresql+psycopg2://…"`, `"mysql": "mysql+pymysql://…"`,
 * `"sqlite": "sqlite:///…"`) lets its configuration pick one at run time.
 */
const KINDS: ReadonlyArray<{ kind: string; schemes: ReadonlySet<string> }> = [
  { kind: 'databases', schemes: new Set(['postgresql', 'postgres', 'mysql', 'mariadb', 'sqlite', 'mssql', 'oracle', 'redshift', 'snowflake', 'bigquery', 'clickhouse', 'cockroachdb', 'duckdb']) },
  { kind: 'message brokers', schemes: new Set(['redis', 'rediss', 'amqp', 'amqps', 'pyamqp', 'sqs', 'kafka']) },
];

/** `django.db.backends.postgresql`, `django.contrib.gis.db.backends.postgis` → the backend's name. */
const DJANGO_ENGINE = /\bdjango\.(?:contrib\.gis\.)?db\.backends\.([a-z0-9_]+)/g;

/** `postgresql+psycopg2://` → `postgresql`: the part before a driver and the `://`. */
const SCHEME = /\b([a-z][a-z0-9]*)(?:\+[a-z0-9_]+)?:\/\//g;

/**
 * Why a need shown by a URL string is only one the configuration may pick,
 * or undefined when the module names no alternative of the same kind: then
 * the URL it writes is the one it uses.
 */
export function configuredChoice(evidence: readonly string[], strings: readonly string[]): string | undefined {
  // Settings that name several Django database backends (`DB_ENGINES = {"sqlite": …sqlite3, "postgres": …postgresql}`) pick one by configuration.
  if (evidence.some((e) => e.match(DJANGO_ENGINE))) {
    const engines = new Set(strings.flatMap((text) => [...text.matchAll(DJANGO_ENGINE)].map((m) => m[1]!)));
    if (engines.size > 1) return `the module names several Django database backends (${[...engines].join(', ')}), so which one runs is decided by its configuration`;
  }
  const evidenced = evidence.flatMap((e) => [...e.matchAll(SCHEME)].map((m) => m[1]!));
  if (evidenced.length === 0) return undefined;
  const written = new Set(strings.flatMap((text) => [...text.matchAll(SCHEME)].map((m) => m[1]!)));
  for (const { kind, schemes } of KINDS) {
    if (!evidenced.some((s) => schemes.has(s))) continue;
    const named = [...written].filter((s) => schemes.has(s));
    if (named.length > 1) return `the module writes URLs for several ${kind} (${named.join(', ')}), so which one runs is decided by its configuration`;
  }
  return undefined;
}
