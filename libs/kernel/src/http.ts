import type { IncomingHttpHeaders } from 'node:http';

/**
 * The response as controllers and guards use it: the methods every Nest HTTP adapter's reply has
 * (Fastify's reply and Express's response alike), so no controller names the adapter.
 */
export interface HttpReply {
  /** Sets one response header (the value replaces any earlier one; `Content-Type` exactly as given). */
  header(name: string, value: string): unknown;
  status(code: number): unknown;
  send(body?: unknown): unknown;
}

/** The request as controllers and guards read it; `id` is the request id the app assigns (X-Request-Id). */
export interface HttpRequest {
  readonly id?: string;
  readonly method: string;
  readonly headers: IncomingHttpHeaders;
  /** Parsed by Node's `querystring`: a name given twice is an array. */
  readonly query: Readonly<Record<string, string | string[] | undefined>>;
  readonly ip?: string;
  readonly socket: { readonly remoteAddress?: string };
  readonly routeOptions?: { readonly url?: string };
  readonly route?: { readonly path?: string };
}

/** The route pattern that matched (`/api/mentorships/:id`), or undefined when none did (a 404, a file of the web page). */
export function routeOf(req: Pick<HttpRequest, 'routeOptions' | 'route'>): string | undefined {
  const url = req.routeOptions?.url ?? req.route?.path;
  return url?.startsWith('/api') ? url : undefined;
}
