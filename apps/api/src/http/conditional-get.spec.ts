import { conditionalGet } from './conditional-get';

/** A reply that keeps its headers as Fastify's does (lower-case names). */
function reply(status = 200, headers: Record<string, string> = {}) {
  const h: Record<string, string> = { ...headers };
  const r = {
    statusCode: status,
    headers: h,
    getHeader: (name: string) => h[name.toLowerCase()],
    header: (name: string, value: string) => (h[name.toLowerCase()] = value),
    removeHeader: (name: string) => delete h[name.toLowerCase()],
    code: (s: number) => (r.statusCode = s),
  };
  return r;
}

const run = (method: string, reqHeaders: Record<string, string>, r: ReturnType<typeof reply>, payload: unknown) => {
  let sent: unknown;
  conditionalGet({ method, headers: reqHeaders }, r, payload, (_e, p) => (sent = p));
  return sent;
};

describe('conditional GET', () => {
  const body = '{"status":"ok"}';

  it('gives a whole body the weak ETag of its bytes', () => {
    const r = reply();
    expect(run('POST', {}, r, body)).toBe(body);
    expect(r.headers.etag).toBe('W/"f-VaSQ4oDUiZblZNAEkkN+sX+q3Sg"');
  });

  it('keeps the ETag a route set, and answers 304 without a body when If-None-Match still matches', () => {
    const r = reply(200, { etag: '"3"', 'content-type': 'application/json; charset=utf-8' });
    expect(run('GET', { 'if-none-match': 'W/"3"' }, r, body)).toBeNull();
    expect({ status: r.statusCode, etag: r.headers.etag, type: r.headers['content-type'] }).toEqual({ status: 304, etag: '"3"', type: undefined });
  });

  it('answers a refusal, a write or a stale tag in full', () => {
    for (const [method, status, given] of [['GET', 404, '"3"'], ['POST', 200, '"3"'], ['GET', 200, '"2"']] as const) {
      const r = reply(status, { etag: '"3"' });
      expect(run(method, { 'if-none-match': given }, r, body)).toBe(body);
      expect(r.statusCode).toBe(status);
    }
  });

  it('leaves a streamed body alone', () => {
    const stream = { pipe: () => undefined };
    const r = reply();
    expect(run('GET', {}, r, stream)).toBe(stream);
    expect(r.headers.etag).toBeUndefined();
  });
});
