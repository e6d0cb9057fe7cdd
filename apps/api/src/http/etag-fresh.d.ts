/** The parts of etag (1.8) and fresh (2.0) the conditional GET uses; the packages ship no types. */
declare module 'etag' {
  function etag(entity: string | Buffer, options?: { weak?: boolean }): string;
  export = etag;
}

declare module 'fresh' {
  import type { IncomingHttpHeaders, OutgoingHttpHeader } from 'node:http';

  function fresh(reqHeaders: IncomingHttpHeaders, resHeaders: Record<string, OutgoingHttpHeader | undefined>): boolean;
  export = fresh;
}
