import type { Config } from '#libs/kernel';

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

/** From the parsed config: `REMINDER_LEAD_DAYS`, `REMINDER_INTERVAL_MS`, `APP_URL`, and `SMTP_URL` or `SMTP_HOST`/`SMTP_PORT`/`SMTP_USER`/`SMTP_PASS`/`SMTP_SECURE`, `SMTP_FROM`. */
export function remindersOptionsOf(config: Config): RemindersOptions {
  const from = config.SMTP_FROM;
  const smtp: SmtpOptions | undefined = config.SMTP_URL
    ? { url: config.SMTP_URL, from }
    : config.SMTP_HOST
      ? {
        host: config.SMTP_HOST,
        port: config.SMTP_PORT,
        secure: config.SMTP_SECURE ?? config.SMTP_PORT === 465,
        user: config.SMTP_USER,
        pass: config.SMTP_PASS,
        from,
      }
      : undefined;
  return {
    leadDays: config.REMINDER_LEAD_DAYS,
    intervalMs: config.REMINDER_INTERVAL_MS,
    maxAttempts: DEFAULT_REMINDERS.maxAttempts,
    smtp,
    appUrl: config.APP_URL,
  };
}
