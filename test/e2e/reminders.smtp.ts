import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer, type SMTPServerAddress } from 'smtp-server';
import type { AddressInfo } from 'node:net';

export interface TestSmtp {
  url: string;
  /** Every message the server accepted, parsed. */
  messages: ParsedMail[];
  /** Refuse the next N recipients with a temporary 450 (the message is not taken). */
  refuseNext(n: number): void;
  close(): Promise<void>;
}

/** A local SMTP server for the tests: plain text, no login, messages kept in memory. */
export async function startTestSmtp(): Promise<TestSmtp> {
  const messages: ParsedMail[] = [];
  let refusals = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(_address: SMTPServerAddress, _session, callback) {
      if (refusals > 0) {
        refusals--;
        return callback(Object.assign(new Error('Mailbox busy, try later'), { responseCode: 450 }));
      }
      callback();
    },
    onData(stream, _session, callback) {
      simpleParser(stream).then((m) => {
        messages.push(m);
        callback();
      }, callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    refuseNext: (n) => (refusals = n),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
