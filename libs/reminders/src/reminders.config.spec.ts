import { parseConfig } from '#libs/kernel';
import { remindersOptionsOf } from './reminders.config';

const options = (env: Record<string, string>) => remindersOptionsOf(parseConfig(env));

describe('reminders options from the configuration', () => {
  it('have e-mail off without SMTP_URL or SMTP_HOST, and the scheduler every 15 minutes, 3 days ahead', () => {
    expect(options({})).toEqual({ leadDays: 3, intervalMs: 900_000, maxAttempts: 3, smtp: undefined, appUrl: undefined });
  });

  it('take SMTP_URL over the fields', () => {
    expect(options({ SMTP_URL: 'smtps://u:p@mail.example:465', SMTP_HOST: 'other.example' }).smtp).toEqual({ url: 'smtps://u:p@mail.example:465', from: 'Наставничество <noreply@localhost>' });
  });

  it('build the server from the fields: TLS from the start on port 465 unless SMTP_SECURE says otherwise', () => {
    expect(options({ SMTP_HOST: 'mail.example' }).smtp).toEqual({ host: 'mail.example', port: 587, secure: false, user: undefined, pass: undefined, from: 'Наставничество <noreply@localhost>' });
    expect(options({ SMTP_HOST: 'mail.example', SMTP_PORT: '465', SMTP_USER: 'ds6', SMTP_PASS: ' p w ' }).smtp).toMatchObject({ port: 465, secure: true, user: 'ds6', pass: ' p w ' });
    expect(options({ SMTP_HOST: 'mail.example', SMTP_PORT: '465', SMTP_SECURE: 'false' }).smtp).toMatchObject({ secure: false });
    expect(options({ SMTP_HOST: 'mail.example', SMTP_SECURE: 'true' }).smtp).toMatchObject({ port: 587, secure: true });
  });
});
