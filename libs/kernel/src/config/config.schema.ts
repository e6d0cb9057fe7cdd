import { z } from 'zod';
import {
  MAX_TIMER_MS, address, daysOrNever, instant, integer, keyName, listenAddress, oneOf, secondsOrOff, strongToken, text, timeZone, verifierKey, yesNo,
} from './config.variables';

/**
 * Every environment variable the API, the cluster and the CLI read: its type, bounds, default and
 * meaning (README, "Configuration"; `.env.example`, checked against this by `config.spec.ts`).
 * Keys are the variables' names, values come out typed; an empty value counts as unset.
 */
export const configSchema = z.object({
  // HTTP server
  PORT: integer({ min: 1, max: 65_535, note: '(номер порта)', default: 3000 }).describe('HTTP port'),
  HOST: listenAddress('127.0.0.1').describe('listen address (0.0.0.0 to serve the network)'),
  SHUTDOWN_GRACE_MS: integer({ min: 0, max: MAX_TIMER_MS, unit: 'миллисекунд', default: 10_000 }).describe('milliseconds SIGTERM waits for requests in flight before cutting their connections'),
  API_PROCESSES: integer({ min: 1, unit: 'процессов', note: '(не задано — по одному на ядро)' }).describe('API processes of npm run start:cluster; unset: one per core'),
  HEAP_GROWING_PERCENT: integer({ min: 0, unit: 'процентов', note: '(0 — как решит V8)', default: 20 })
    .describe('percent the JavaScript heap may grow past its live data before a full collection (API and cli project); 0: V8 decides'),
  READY_MAX_PROJECTION_LAG_SECONDS: secondsOrOff(30).describe('readiness fails while the read models are more than this many seconds behind the log; off: never for lag'),
  METRICS_TOKEN: text(undefined, { exact: true }).describe('when set, /api/metrics and /api/health/projections answer only Authorization: Bearer <it>; unset: only requests from this machine (loopback, not through a proxy)'),

  // Storage
  DATA_DIR: text('./data').describe('where the embedded store keeps events.sqlite, and the read models readmodels.sqlite (with either store)'),
  EVENTSTORE_CONNECTION_STRING: address(['esdb', 'esdb+discover'], 'esdb://127.0.0.1:2113?tls=false').describe('esdb://… to use EventStoreDB instead of the embedded store'),
  KEYSTORE_FILE: text().describe('the personal-data keys; unset: keys.sqlite beside events.sqlite (or in DATA_DIR with EventStoreDB)'),
  CLOCK_START: instant().describe("an instant with its offset where the process's clock starts and runs at real speed; unset: the system clock"),

  // Organisation
  ADMIN_TOKEN: strongToken().describe('an administrator bearer token (at least 32 printable characters, not a pattern or a placeholder); unset on an empty store: the first start makes one and prints it once'),
  ORG_ID: text('default').describe('organisation id of the first administrator (and so of the users it creates)'),
  ORG_NAME: text().describe("the first organisation's (ORG_ID) name on documents until its head or administrator enters its details in the app; unset: a blank line to fill in"),
  TIME_ZONE: timeZone('Europe/Moscow').describe("zone of the organisation's business dates (\"today\")"),
  RESERVATION_GRACE_MS: integer({ min: 0, unit: 'миллисекунд', default: 300_000 })
    .describe('milliseconds a mentor-load reservation whose mentorship was never written still counts'),

  // Accounts and limits
  TOKEN_TTL_DAYS: daysOrNever(180).describe('days a bearer token works after it is issued or re-issued; 0 or off: tokens never expire'),
  RATE_LIMIT_FAILED_AUTH: integer({ min: 0, unit: 'запросов в минуту', note: '(0 — без ограничения)', default: 20 })
    .describe('requests a minute with a refused token from one client address before 429'),
  RATE_LIMIT_VERIFY: integer({ min: 0, unit: 'запросов в минуту', note: '(0 — без ограничения)', default: 6 })
    .describe('integrity verification, its statement and audit packages a minute from one client address'),
  RATE_LIMIT_AS_OF: integer({ min: 0, unit: 'запросов в минуту', note: '(0 — без ограничения)', default: 20 })
    .describe('the organisation as of a date a minute from one client address'),
  RATE_LIMIT_FILES: integer({ min: 0, unit: 'запросов в минуту', note: '(0 — без ограничения)', default: 60 })
    .describe('documents (DOCX/HTML) and report exports (XLSX/CSV) a minute from one client address'),
  RATE_LIMIT_IMPORT: integer({ min: 0, unit: 'запросов в минуту', note: '(0 — без ограничения)', default: 10 })
    .describe('staff list imports a minute from one client address'),

  // Read models
  PROJECTIONS: oneOf(['thread', 'inline', 'off'], 'thread')
    .describe('thread: the API process keeps the read models up to date on a thread of its own; inline: on its event loop; off: another process (cli project) does'),
  READ_YOUR_WRITES_WAIT_MS: integer({ min: 0, max: MAX_TIMER_MS, unit: 'миллисекунд', default: 2000 })
    .describe('milliseconds a query with after=<position> waits for the read models to reach it'),

  // Reminders and their e-mail
  SMTP_URL: address(['smtp', 'smtps'], 'smtp://user:pass@host:587').describe('where reminder e-mails go; without it (and without SMTP_HOST) e-mail is off'),
  SMTP_HOST: text().describe('the SMTP server, field by field (ignored when SMTP_URL is set)'),
  SMTP_PORT: integer({ min: 1, max: 65_535, note: '(номер порта)', default: 587 }).describe('the SMTP port (with SMTP_HOST)'),
  SMTP_USER: text(undefined, { exact: true }).describe('the SMTP user (with SMTP_HOST)'),
  SMTP_PASS: text(undefined, { exact: true }).describe('the SMTP password (with SMTP_HOST)'),
  SMTP_SECURE: yesNo().describe('TLS from the start, true or false (with SMTP_HOST); unset: true on port 465'),
  SMTP_FROM: text('Наставничество <noreply@localhost>').describe('the From of reminder e-mails'),
  REMINDER_LEAD_DAYS: integer({ min: 0, unit: 'дней', default: 3 }).describe('how many days before a deadline its reminder goes out'),
  REMINDER_INTERVAL_MS: integer({ min: 0, max: MAX_TIMER_MS, unit: 'миллисекунд', note: '(0 — планировщик сам не запускается)', default: 900_000 })
    .describe('milliseconds between runs of the reminder scheduler; 0: never by itself (POST /api/reminders/run still does)'),
  APP_URL: address(['https', 'http'], 'https://ds6.example').describe("the web interface's address, for links in e-mails"),

  // Integrity
  AUDIT_SEALER: oneOf(['on', 'off'], 'on').describe("on: this process seals the log into the organisations' hash chains; off: another process does"),
  AUDIT_HEAD_EVERY_EVENTS: integer({ min: 1, unit: 'событий', default: 10_000 }).describe("a chain's head is recorded after this many new links"),
  AUDIT_HEAD_EVERY_SECONDS: integer({ min: 1, max: Math.floor(MAX_TIMER_MS / 1000), unit: 'секунд', default: 60 })
    .describe('…and every this many seconds when it has new ones'),
  AUDIT_SEAL_EVERY_MS: integer({ min: 0, max: MAX_TIMER_MS, unit: 'миллисекунд', default: 250 }).describe('live, the sealer appends links at most every this many milliseconds; 0: after every commit'),
  AUDIT_LOG_ORIGIN: keyName('mentorship.local/journal').describe("the name of the organisations' logs in their signed checkpoints: <it>/<orgId>"),
  AUDIT_SIGNING_KEYS_DIR: text().describe("the organisations' checkpoint signing keys; unset: signing-keys beside the personal-data key store"),
  AUDIT_WITNESS_URL: address(['http', 'https'], 'http://127.0.0.1:3100').describe('the witness that cosigns the checkpoints (npm run cli -- witness); unset: checkpoints are signed but not witnessed'),
  AUDIT_WITNESS_KEY: verifierKey().describe("the witness's verifier key, as it prints it at start (with AUDIT_WITNESS_URL)"),

  // The witness (npm run cli -- witness): the municipality's side, not the organisation's
  WITNESS_HOST: listenAddress('127.0.0.1').describe("the witness's listen address"),
  WITNESS_PORT: integer({ min: 1, max: 65_535, note: '(номер порта)', default: 3100 }).describe("the witness's HTTP port"),
  WITNESS_DIR: text('./witness').describe("the witness's key and the checkpoints it keeps"),
  WITNESS_NAME: keyName('witness.local/municipality').describe("the witness's name in its cosignatures"),
  WITNESS_LOGS_FILE: text().describe('the logs the witness serves, a verifier key a line; unset: logs.txt in WITNESS_DIR'),
});

/** The configuration of one process, parsed once at its start (`loadConfig`). */
export type Config = z.output<typeof configSchema>;
export type ConfigVariable = keyof Config;

/** Values never echoed in a refusal: they may be credentials. */
export const SECRET_VARIABLES: ReadonlySet<ConfigVariable> = new Set(['ADMIN_TOKEN', 'METRICS_TOKEN', 'SMTP_URL', 'SMTP_PASS']);
