/** Settings of reminders and their e-mail (see README, "Configuration"). */
export const REMINDERS_OPTIONS = Symbol('REMINDERS_OPTIONS');

export interface SmtpOptions {
  /** `smtp://user:pass@host:587` or `smtps://…:465`; when set, host/port/user/pass are ignored. */
  url?: string;
  host?: string;
  port?: number;
  secure?: boolean;
  user?: string;
  pass?: string;
  /** The From header, e.g. `Наставничество <noreply@ds6.example>`. */
  from: string;
}

export interface RemindersOptions {
  /** How many days before a deadline the reminder goes out. */
  leadDays: number;
  /** How often the scheduler ticks; 0 turns it off (a test or an operator ticks by hand). */
  intervalMs: number;
  /** Undefined: e-mail is off, reminders are only shown in the app. */
  smtp?: SmtpOptions;
  /** Base address of the web interface, for links in e-mails. */
  appUrl?: string;
  /** E-mail attempts per recipient when the server refuses (never after an unknown outcome). */
  maxAttempts: number;
}

export const DEFAULT_REMINDERS: RemindersOptions = { leadDays: 3, intervalMs: 15 * 60_000, maxAttempts: 3 };

const num = (v: string | undefined, fallback: number, name: string): number => {
  if (v === undefined || v === '') return fallback;
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0) throw new Error(`${name}=${v}: нужно неотрицательное число`);
  return n;
};

/** `REMINDER_LEAD_DAYS`, `REMINDER_INTERVAL_MS`, `APP_URL`, and `SMTP_URL` or `SMTP_HOST`/`SMTP_PORT`/`SMTP_USER`/`SMTP_PASS`/`SMTP_SECURE`, `SMTP_FROM`. */
export function remindersOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): RemindersOptions {
  const from = env.SMTP_FROM || 'Наставничество <noreply@localhost>';
  const smtp: SmtpOptions | undefined = env.SMTP_URL
    ? { url: env.SMTP_URL, from }
    : env.SMTP_HOST
      ? {
        host: env.SMTP_HOST,
        port: num(env.SMTP_PORT, 587, 'SMTP_PORT'),
        secure: env.SMTP_SECURE ? env.SMTP_SECURE === 'true' : env.SMTP_PORT === '465',
        user: env.SMTP_USER || undefined,
        pass: env.SMTP_PASS || undefined,
        from,
      }
      : undefined;
  return {
    leadDays: num(env.REMINDER_LEAD_DAYS, DEFAULT_REMINDERS.leadDays, 'REMINDER_LEAD_DAYS'),
    intervalMs: num(env.REMINDER_INTERVAL_MS, DEFAULT_REMINDERS.intervalMs, 'REMINDER_INTERVAL_MS'),
    maxAttempts: DEFAULT_REMINDERS.maxAttempts,
    smtp,
    appUrl: env.APP_URL || undefined,
  };
}
