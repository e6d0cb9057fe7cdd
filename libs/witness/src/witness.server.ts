import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MAX_NOTE_BYTES } from '#libs/transparency';
import type { Witness, WitnessAnswer } from './witness';

/**
 * The witness over HTTP (c2sp.org/tlog-witness), one URL prefix for submission and monitoring:
 * `POST /add-checkpoint`; `GET /<origin hash>/checkpoint` (the latest cosigned checkpoint);
 * and two of this project's own: `GET /<origin hash>/records` (every checkpoint cosigned and every
 * refusal, JSON, oldest first) and `GET /witness-key` (its verifier key). No authentication: a
 * checkpoint is accepted only when a key the witness trusts signed it.
 */
export interface WitnessServer {
  url: string;
  server: Server;
  close(): Promise<void>;
}

const answer = (res: ServerResponse, a: WitnessAnswer) => {
  res.writeHead(a.status, { 'Content-Type': a.contentType, 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
  res.end(a.body);
};

async function bodyOf(req: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_NOTE_BYTES + 8 * 1024) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function witnessHandler(witness: Witness) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = new URL(req.url ?? '/', 'http://witness').pathname;
    try {
      if (path === '/add-checkpoint') {
        if (req.method !== 'POST') return answer(res, { status: 405, contentType: 'text/plain; charset=utf-8', body: 'POST\n' });
        const body = await bodyOf(req);
        if (body === undefined) return answer(res, { status: 413, contentType: 'text/plain; charset=utf-8', body: 'Слишком большой запрос.\n' });
        return answer(res, await witness.addCheckpoint(body));
      }
      if (req.method !== 'GET') return answer(res, { status: 405, contentType: 'text/plain; charset=utf-8', body: 'GET\n' });
      if (path === '/witness-key') return answer(res, { status: 200, contentType: 'text/plain; charset=utf-8', body: `${witness.vkey}\n` });
      const m = /^\/([0-9a-f]{64})\/(checkpoint|records)$/.exec(path);
      if (m && m[2] === 'checkpoint') {
        const note = witness.latest(m[1]);
        return answer(res, note ? { status: 200, contentType: 'text/plain; charset=utf-8', body: note } : { status: 404, contentType: 'text/plain; charset=utf-8', body: 'Свидетель ещё не заверял контрольных сумм этого журнала.\n' });
      }
      if (m) return answer(res, { status: 200, contentType: 'application/json; charset=utf-8', body: JSON.stringify({ witness: witness.vkey, records: witness.records(m[1]) }) });
      return answer(res, { status: 404, contentType: 'text/plain; charset=utf-8', body: 'Нет такого адреса.\n' });
    } catch (error) {
      return answer(res, { status: 500, contentType: 'text/plain; charset=utf-8', body: `Сбой свидетеля: ${(error as Error).name}\n` });
    }
  };
}

/** Listens on `host:port` (port 0: any free one). */
export async function startWitnessServer(witness: Witness, options: { host: string; port: number }): Promise<WitnessServer> {
  const server = createServer((req, res) => void witnessHandler(witness)(req, res));
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
