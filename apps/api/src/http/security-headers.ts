import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';

/**
 * The headers of every response (helmet): `nosniff`; a policy for the HTML the API generates
 * (documents, the integrity statement, audit packages: inline styles only, never framed, nothing
 * loaded); `X-Frame-Options: DENY` for browsers that ignore `frame-ancestors`. The web page's files
 * keep their own policy (`page-api/static-site.ts`), which also forbids framing. No HSTS: TLS, when
 * there is any, ends at the proxy in front, which sets it.
 */
export const securityHeaders = helmet({
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'none'"], styleSrc: ["'unsafe-inline'"], imgSrc: ['data:'], frameAncestors: ["'none'"], baseUri: ["'none'"], formAction: ["'none'"],
    },
  },
  xFrameOptions: { action: 'deny' },
  strictTransportSecurity: false,
});

/** API answers carry personal data: no browser or proxy keeps them (the page's files are only revalidated). */
export function noStore(req: Request, res: Response, next: NextFunction): void {
  if (req.path === '/api' || req.path.startsWith('/api/')) res.setHeader('Cache-Control', 'no-store');
  next();
}
