import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { REMINDERS_OPTIONS, type RemindersOptions } from './reminders.config';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
}

/** Why a send failed, without the server's text (it may quote the address). */
export interface MailFailure {
  code: string;
  /** The server certainly did not take the message: a retry cannot deliver it twice. */
  retryable: boolean;
}

/** Failures before the message was handed over: the connection never opened, TLS or login failed, the envelope was refused. */
const BEFORE_HANDOVER = new Set(['EDNS', 'ETLS', 'EAUTH', 'ENOAUTH', 'EENVELOPE', 'ECONFIG']);

export function classifyMailFailure(error: unknown): MailFailure {
  const e = (error ?? {}) as { code?: string; responseCode?: number; command?: string };
  if (typeof e.responseCode === 'number' && e.responseCode >= 400) {
    // A reply refusing the message: 4xx is temporary (try again), 5xx permanent (do not).
    return { code: `SMTP${e.responseCode}`, retryable: e.responseCode < 500 };
  }
  const code = typeof e.code === 'string' ? e.code.slice(0, 40) : 'UNKNOWN';
  if (BEFORE_HANDOVER.has(code) || (code === 'ECONNECTION' && e.command === 'CONN')) return { code, retryable: true };
  // A timeout or a dropped socket mid-transfer: the server may have the message already.
  return { code, retryable: false };
}

/** nodemailer over the configured SMTP server; `enabled` is false when none is configured. */
@Injectable()
export class ReminderMailer implements OnApplicationShutdown {
  private readonly transport?: Transporter;
  private readonly from?: string;

  constructor(@Inject(REMINDERS_OPTIONS) options: RemindersOptions) {
    const smtp = options.smtp;
    if (!smtp) return;
    const timeouts = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };
    this.transport = createTransport(smtp.url
      ? { url: smtp.url, ...timeouts }
      : { host: smtp.host, port: smtp.port, secure: smtp.secure, ...timeouts, ...(smtp.user ? { auth: { user: smtp.user, pass: smtp.pass ?? '' } } : {}) });
    this.from = smtp.from;
  }

  get enabled(): boolean {
    return !!this.transport;
  }

  async send(mail: OutgoingMail): Promise<void> {
    if (!this.transport) throw new Error('SMTP is not configured');
    await this.transport.sendMail({ from: this.from, ...mail });
  }

  onApplicationShutdown(): void {
    this.transport?.close();
  }
}
