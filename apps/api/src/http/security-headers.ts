import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet from 'helmet';

/**
 * The headers of every response (helmet): `nosniff`; a policy for the HTML the API generates
 * (documents, the integrity statement, audit packages: inline styles only, never framed, nothing
 * loaded); `X-Frame-Options: DENY` for browsers that ignore `frame-ancestors`. The web page's files
 * keep their own policy (`page-api/static-site.ts`), which also forbids framing. No HSTS: TLS, when
 * there is any, ends at the proxy in front, which sets it.
 */
export const helmetHeaders = helmet({
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'none'"], styleSrc: ["'unsafe-inline'"], imgSrc: ['data:'], frameAncestors: ["'none'"], baseUri: ["'none'"], formAction: ["'none'"],
    },
  },
  xFrameOptions: { action: 'deny' },
  strictTransportSecurity: false,
});

type HeaderCall = readonly ['set', string, string] | readonly ['remove', string];

/** What helmet does to a response, recorded once: its configuration above has no per-request value (no nonce). */
function recordHelmet(): readonly HeaderCall[] {
  const calls: HeaderCall[] = [];
  const res = {
    setHeader: (name: string, value: unknown) => {
      if (typeof value !== 'string') throw new Error(`helmet set ${name} to a non-string: record it per request instead`);
      calls.push(['set', name, value]);
    },
    removeHeader: (name: string) => calls.push(['remove', name]),
  };
  let done = false;
  helmetHeaders({ method: 'GET', headers: {} } as unknown as IncomingMessage, res as unknown as ServerResponse, () => (done = true));
  if (!done) throw new Error('helmet did not finish at once: record it per request instead');
  return calls;
}

const HELMET = recordHelmet();

/** helmet's headers in one middleware: the same names, values and order as its fourteen middlewares, set per request. */
export function securityHeaders(_req: IncomingMessage, res: ServerResponse, next: () => void): void {
  for (const c of HELMET) {
    if (c[0] === 'set') res.setHeader(c[1], c[2]);
    else res.removeHeader(c[1]);
  }
  next();
}

/** API answers carry personal data: no browser or proxy keeps them (the page's files are only revalidated). */
export function noStore(req: IncomingMessage, res: ServerResponse, next: () => void): void {
  const url = req.url ?? '';
  if (url.startsWith('/api') && (url.length === 4 || url[4] === '/' || url[4] === '?')) res.setHeader('Cache-Control', 'no-store');
  next();
}
