import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEnv } from 'node:util';
import { ConfigError, configSchema, parseConfig, type ConfigVariable } from '.';

const EXAMPLE = join(__dirname, '../../../../.env.example');
const VARIABLES = Object.keys(configSchema.shape) as ConfigVariable[];

/** The refusal lines of a configuration that should not start. */
function refusals(env: Record<string, string>): readonly string[] {
  try {
    parseConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.refusals;
    throw error;
  }
  throw new Error(`accepted: ${JSON.stringify(env)}`);
}

describe('.env.example and the schema', () => {
  const text = readFileSync(EXAMPLE, 'utf8');
  // Every variable is there with its default, commented out: `# NAME=value`.
  const lines = text.split('\n').filter((l) => /^#\s?[A-Z][A-Z0-9_]*=/.test(l));
  const example = parseEnv(lines.map((l) => l.replace(/^#\s?/, '')).join('\n'));
  const names = lines.map((l) => /^#\s?([A-Z][A-Z0-9_]*)=/.exec(l)![1]);

  it('list the same variables, each once', () => {
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
    expect({ onlyInExample: names.filter((n) => !VARIABLES.includes(n as ConfigVariable)), onlyInSchema: VARIABLES.filter((n) => !names.includes(n)) })
      .toEqual({ onlyInExample: [], onlyInSchema: [] });
  });

  it.each(VARIABLES)('%s: the example value is accepted and is the default', (name) => {
    const value = example[name] ?? '';
    expect(() => parseConfig({ [name]: value })).not.toThrow();
    expect(parseConfig({ [name]: value })[name]).toEqual(parseConfig({})[name]);
  });

  it.each(VARIABLES)('%s has a one-line description', (name) => {
    expect(configSchema.shape[name].description).toMatch(/^[^\n]+$/);
  });
});

describe('parseConfig', () => {
  it('keeps the defaults the code had before the schema', () => {
    const config = parseConfig({});
    expect(config).toMatchObject({
      PORT: 3000, HOST: '127.0.0.1', DATA_DIR: './data', ORG_ID: 'default', TIME_ZONE: 'Europe/Moscow', RESERVATION_GRACE_MS: 300_000,
      PROJECTIONS: 'thread', READ_YOUR_WRITES_WAIT_MS: 2000, SMTP_PORT: 587, SMTP_FROM: 'Наставничество <noreply@localhost>',
      REMINDER_LEAD_DAYS: 3, REMINDER_INTERVAL_MS: 900_000, AUDIT_SEALER: 'on', AUDIT_HEAD_EVERY_EVENTS: 10_000, AUDIT_HEAD_EVERY_SECONDS: 60,
      AUDIT_SEAL_EVERY_MS: 250, READY_MAX_PROJECTION_LAG_SECONDS: 30, HEAP_GROWING_PERCENT: 20, SHUTDOWN_GRACE_MS: 10_000,
    });
    for (const unset of ['API_PROCESSES', 'ADMIN_TOKEN', 'CLOCK_START', 'EVENTSTORE_CONNECTION_STRING', 'KEYSTORE_FILE', 'ORG_NAME', 'SMTP_URL', 'SMTP_HOST', 'SMTP_SECURE', 'APP_URL'] as const) {
      expect(config[unset]).toBeUndefined();
    }
  });

  it('reads values into their types; an empty value counts as unset', () => {
    expect(parseConfig({
      PORT: '8080', TIME_ZONE: 'Asia/Yekaterinburg', READY_MAX_PROJECTION_LAG_SECONDS: 'off', SMTP_SECURE: 'false', PROJECTIONS: 'off',
      CLOCK_START: '2026-11-24T09:00:00+03:00', EVENTSTORE_CONNECTION_STRING: ' esdb://127.0.0.1:2113?tls=false ', ORG_NAME: '  МКДОУ ДС № 6  ', DATA_DIR: '',
    })).toMatchObject({
      PORT: 8080, TIME_ZONE: 'Asia/Yekaterinburg', READY_MAX_PROJECTION_LAG_SECONDS: null, SMTP_SECURE: false, PROJECTIONS: 'off',
      CLOCK_START: new Date('2026-11-24T06:00:00Z'), EVENTSTORE_CONNECTION_STRING: 'esdb://127.0.0.1:2113?tls=false', ORG_NAME: 'МКДОУ ДС № 6', DATA_DIR: './data',
    });
  });

  it('refuses an unknown time zone, checked by Intl', () => {
    expect(refusals({ TIME_ZONE: 'Europe/Moskva' })).toEqual(['TIME_ZONE=Europe/Moskva: неизвестный часовой пояс; нужен пояс из базы IANA, например Europe/Moscow']);
  });

  it('refuses a value that is not a number instead of reading NaN', () => {
    expect(refusals({ RESERVATION_GRACE_MS: 'abc' })).toEqual(['RESERVATION_GRACE_MS=abc: нужно целое число миллисекунд, не меньше 0']);
    expect(refusals({ READY_MAX_PROJECTION_LAG_SECONDS: 'never' })).toEqual(['READY_MAX_PROJECTION_LAG_SECONDS=never: нужно число секунд или off']);
  });

  it('refuses a number out of its bounds', () => {
    expect(refusals({ PORT: '70000' })).toEqual(['PORT=70000: нужно целое число от 1 до 65535 (номер порта)']);
    expect(refusals({ AUDIT_HEAD_EVERY_EVENTS: '0' })).toEqual(['AUDIT_HEAD_EVERY_EVENTS=0: нужно целое число событий, не меньше 1']);
    expect(refusals({ REMINDER_INTERVAL_MS: '3000000000' })).toEqual(['REMINDER_INTERVAL_MS=3000000000: нужно целое число миллисекунд от 0 до 2147483647 (0 — планировщик сам не запускается)']);
  });

  it('refuses a value outside an enumeration, naming the allowed ones', () => {
    expect(refusals({ PROJECTIONS: 'sometimes' })).toEqual(['PROJECTIONS=sometimes: допустимо thread, inline или off']);
    expect(refusals({ SMTP_SECURE: 'yes' })).toEqual(['SMTP_SECURE=yes: допустимо true или false']);
  });

  it('takes an EventStoreDB cluster string with several hosts', () => {
    const cluster = 'esdb+discover://node1:2113,node2:2113,node3:2113?tls=true';
    expect(parseConfig({ EVENTSTORE_CONNECTION_STRING: cluster }).EVENTSTORE_CONNECTION_STRING).toBe(cluster);
  });

  it('takes a cluster string of gossip seeds with a node preference and a CA file, as docs/region.md writes it', () => {
    const cluster = 'esdb://es1.region.example:2113,es2.region.example:2113,es3.region.example:2113?tls=true&nodePreference=leader&tlsCAFile=/etc/mentorship/eventstore-ca.crt';
    expect(parseConfig({ EVENTSTORE_CONNECTION_STRING: cluster }).EVENTSTORE_CONNECTION_STRING).toBe(cluster);
  });

  it('refuses a malformed address or instant', () => {
    expect(refusals({ EVENTSTORE_CONNECTION_STRING: 'localhost:2113' }))
      .toEqual(['EVENTSTORE_CONNECTION_STRING=localhost:2113: нужен адрес вида esdb://127.0.0.1:2113?tls=false (esdb://, esdb+discover://)']);
    expect(refusals({ APP_URL: 'ds6.example' })).toEqual(['APP_URL=ds6.example: нужен адрес вида https://ds6.example (https://, http://)']);
    expect(refusals({ CLOCK_START: '2026-11-24 09:00' })).toEqual(['CLOCK_START=2026-11-24 09:00: нужен момент времени с часовым поясом, например 2026-11-24T09:00:00+03:00']);
  });

  it('names every wrong value in one message, and never echoes a secret', () => {
    const env = { TIME_ZONE: 'Europe/Moskva', RESERVATION_GRACE_MS: 'abc', AUDIT_SEALER: 'maybe', SMTP_URL: 'http://user:secret@mail' };
    expect(() => parseConfig(env)).toThrow(ConfigError);
    const message = (() => {
      try {
        parseConfig(env);
        return '';
      } catch (error) {
        return (error as Error).message;
      }
    })();
    expect(message.split('\n')[0]).toBe('Переменные окружения заданы неверно (допустимые значения и умолчания — в .env.example):');
    expect(message.split('\n').slice(1)).toEqual([
      '  TIME_ZONE=Europe/Moskva: неизвестный часовой пояс; нужен пояс из базы IANA, например Europe/Moscow',
      '  RESERVATION_GRACE_MS=abc: нужно целое число миллисекунд, не меньше 0',
      '  SMTP_URL=(значение скрыто): нужен адрес вида smtp://user:pass@host:587 (smtp://, smtps://)',
      '  AUDIT_SEALER=maybe: допустимо on или off',
    ]);
    expect(message).not.toContain('secret');
  });
});
