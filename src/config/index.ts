import path from 'node:path';
import { z } from 'zod';

/** Every setting Dateline reads, from the environment, validated once before anything starts. */
const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATELINE_DATA: z.string().min(1).default('./data'),
  /** postgres://user@host:5432/db selects PostgreSQL (several nodes share it); unset: SQLite in the data folder. */
  DATABASE_URL: z.preprocess((v) => (v === '' ? undefined : v), z.string().optional())
    .refine((v) => v === undefined || /^postgres(ql)?:\/\//.test(v), 'DATABASE_URL must be a postgres:// URL such as postgres://dateline@127.0.0.1:5432/dateline'),
  /** Connections each node keeps to PostgreSQL at most. */
  DATABASE_POOL: z.coerce.number().int().min(1).max(500).default(10),
  /** Pictures and their variants; several nodes point this at one folder they all mount. */
  DATELINE_MEDIA: z.string().min(1).optional(),
  SITE_URL: z
    .string()
    .url('SITE_URL must be an absolute URL such as https://news.example.com')
    .optional(),
  SITE_NAME: z.string().min(1).default('Dateline'),
  SITE_DESCRIPTION: z.string().default('Independent news, as it happens.'),
  SITE_LANGUAGE: z.string().min(2).default('en'),
  SITE_TIMEZONE: z
    .string()
    .default('UTC')
    .refine(isTimeZone, 'SITE_TIMEZONE must be an IANA time zone such as Europe/London'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATELINE_DEMO: z.enum(['true', 'false', '1', '0']).default('true'),
  DATELINE_SECRET: z.string().min(32, 'DATELINE_SECRET must be at least 32 characters').optional(),
  SCHEDULER_INTERVAL_MS: z.coerce.number().int().min(100).max(60_000).default(1000),
  /** How often watched folders and feeds are checked for being due (each has its own interval). */
  WIRE_INTERVAL_MS: z.coerce.number().int().min(100).max(60_000).default(1000),
  SESSION_HOURS: z.coerce.number().min(0.01).max(24 * 90).default(12),
  /** How long a new API token lives unless its maker says otherwise (renewable). */
  API_TOKEN_DAYS: z.coerce.number().int('API_TOKEN_DAYS must be a whole number of days').min(1).max(3650).default(90),
  TRUST_PROXY: z.string().default('false'),
  FEED_FULL_TEXT: z.enum(['true', 'false', '1', '0']).default('true'),
  PAGE_CACHE_MB: z.coerce.number().min(0).max(64 * 1024).default(64),
  CACHE_S_MAXAGE: z.coerce.number().int().min(0).default(60),
  CACHE_STALE_WHILE_REVALIDATE: z.coerce.number().int().min(0).default(300),
  CDN_PURGE_URL: z.string().url('CDN_PURGE_URL must be an absolute URL').optional(),
  CDN_PURGE_TOKEN: z.string().min(1).optional(),
  /** Other hosts pages may show pictures from (a CDN for media, an agency's picture server in bodies). */
  IMAGE_HOSTS: z.string().default('').refine((v) => v.split(',').map((h) => h.trim()).filter(Boolean).every((h) => /^[a-z0-9.-]+(:\d+)?$/i.test(h)),
    'IMAGE_HOSTS must be host names separated by commas, such as photos.agency.example,cdn.example.com'),
});

export interface Config {
  readonly port: number;
  readonly host: string;
  /** Absolute path of the data folder: database and media. */
  readonly dataDir: string;
  readonly databaseFile: string;
  /** Where the store lives: the SQLite file, or the PostgreSQL server of DATABASE_URL. */
  readonly database: { sqliteFile: string } | { postgres: { url: string; poolSize: number } };
  readonly mediaDir: string;
  /** Public origin without a trailing slash, used for canonical links, feeds and JSON-LD. */
  readonly siteUrl: string;
  readonly siteName: string;
  readonly siteDescription: string;
  readonly siteLanguage: string;
  readonly timeZone: string;
  readonly logLevel: z.infer<typeof schema>['LOG_LEVEL'];
  /** Fill an empty database with the demo newsroom on `serve`. */
  readonly demoContent: boolean;
  /** Signs session cookies; when unset, a random one is kept in the data folder. */
  readonly secret: string | undefined;
  readonly schedulerIntervalMs: number;
  readonly wireIntervalMs: number;
  readonly sessionHours: number;
  /** Default lifetime of a new API token, in days. */
  readonly apiTokenDays: number;
  /**
   * Which proxies may set X-Forwarded-For: false (none, the default), true (any: only behind a
   * proxy that overwrites the header), or a comma-separated list of addresses/CIDRs.
   */
  readonly trustProxy: boolean | string[];
  /** Feeds carry whole stories; false for summaries only. */
  readonly feedFullText: boolean;
  /** Memory for rendered public pages (0 turns the page cache off). */
  readonly pageCacheBytes: number;
  /** Where the surrogate keys of changed pages are POSTed for a CDN in front (with a bearer token). */
  readonly cdnPurge: { url: string; token: string | undefined } | null;
  /** Cache-Control for a CDN: s-maxage and stale-while-revalidate, in seconds. */
  readonly cacheSMaxAge: number;
  readonly cacheStaleWhileRevalidate: number;
  /** Hosts besides the site itself that pages may load pictures from (the CSP's img-src). */
  readonly imageHosts: readonly string[];
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** Reads and validates the settings; throws ConfigError naming the first bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(`${issue.path.join('.')}: ${issue.message}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.DATELINE_DATA);
  const siteUrl = (e.SITE_URL ?? `http://${hostForUrl(e.HOST)}:${e.PORT}`).replace(/\/+$/, '');
  return Object.freeze({
    port: e.PORT,
    host: e.HOST,
    dataDir,
    databaseFile: path.join(dataDir, 'dateline.sqlite'),
    database: e.DATABASE_URL ? { postgres: { url: e.DATABASE_URL, poolSize: e.DATABASE_POOL } } : { sqliteFile: path.join(dataDir, 'dateline.sqlite') },
    mediaDir: e.DATELINE_MEDIA ? path.resolve(e.DATELINE_MEDIA) : path.join(dataDir, 'media'),
    siteUrl,
    siteName: e.SITE_NAME,
    siteDescription: e.SITE_DESCRIPTION,
    siteLanguage: e.SITE_LANGUAGE,
    timeZone: e.SITE_TIMEZONE,
    logLevel: e.LOG_LEVEL,
    demoContent: e.DATELINE_DEMO === 'true' || e.DATELINE_DEMO === '1',
    secret: e.DATELINE_SECRET,
    schedulerIntervalMs: e.SCHEDULER_INTERVAL_MS,
    wireIntervalMs: e.WIRE_INTERVAL_MS,
    sessionHours: e.SESSION_HOURS,
    apiTokenDays: e.API_TOKEN_DAYS,
    feedFullText: e.FEED_FULL_TEXT === 'true' || e.FEED_FULL_TEXT === '1',
    pageCacheBytes: Math.round(e.PAGE_CACHE_MB * 1024 * 1024),
    cacheSMaxAge: e.CACHE_S_MAXAGE,
    cacheStaleWhileRevalidate: e.CACHE_STALE_WHILE_REVALIDATE,
    cdnPurge: e.CDN_PURGE_URL ? { url: e.CDN_PURGE_URL, token: e.CDN_PURGE_TOKEN } : null,
    imageHosts: e.IMAGE_HOSTS.split(',').map((h) => h.trim().toLowerCase()).filter(Boolean),
    trustProxy: e.TRUST_PROXY === 'true' ? true : e.TRUST_PROXY === 'false' || !e.TRUST_PROXY.trim() ? false
      : e.TRUST_PROXY.split(',').map((a) => a.trim()).filter(Boolean),
  });
}

function hostForUrl(host: string): string {
  if (host === '0.0.0.0' || host === '::') return 'localhost';
  return host.includes(':') ? `[${host}]` : host;
}
