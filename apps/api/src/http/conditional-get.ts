import etag from 'etag';
import fresh from 'fresh';
import type { IncomingHttpHeaders, OutgoingHttpHeader } from 'node:http';

/** The reply as this hook uses it (Fastify's). */
interface Reply {
  statusCode: number;
  getHeader(name: string): OutgoingHttpHeader | undefined;
  header(name: string, value: string): unknown;
  removeHeader(name: string): unknown;
  code(status: number): unknown;
}

/**
 * Every body the app sends whole (JSON, a problem, a document) carries an ETag, a weak one computed from
 * its bytes unless the route set its own (a mentorship's revision), and a GET or HEAD whose If-None-Match
 * still matches gets 304 without the body: what every API answer has always done. Streamed files (the
 * web page's, a spreadsheet) keep their own.
 */
export function conditionalGet(
  req: { method: string; headers: IncomingHttpHeaders }, reply: Reply, payload: unknown, done: (error: null, payload: unknown) => void,
): void {
  if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return done(null, payload);
  // etag hashes a string as its UTF-8 bytes itself: no copy of the body into a Buffer first.
  if (reply.getHeader('etag') === undefined) reply.header('ETag', etag(payload, { weak: true }));
  const status = reply.statusCode;
  const freshness = { etag: reply.getHeader('etag'), 'last-modified': reply.getHeader('last-modified') };
  if ((req.method === 'GET' || req.method === 'HEAD') && ((status >= 200 && status < 300) || status === 304) && fresh(req.headers, freshness)) {
    reply.code(304);
    reply.removeHeader('content-type');
    reply.removeHeader('content-length');
    reply.removeHeader('transfer-encoding');
    return done(null, null);
  }
  done(null, payload);
}
