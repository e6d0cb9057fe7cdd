import type { IncomingMessage } from 'node:http';
import bodyParser from 'body-parser';
import { checkJsonLimits, JSON_LIMITS } from '#libs/kernel';

type RawRequest = IncomingMessage & { body?: unknown };

const json = bodyParser.json({ limit: JSON_LIMITS.bodyBytes });
const urlencoded = bodyParser.urlencoded({ limit: JSON_LIMITS.bodyBytes, extended: true });

/**
 * The body of a request as JSON or a form (`extended`: nested names), read from the raw request with
 * a size limit, then checked before any guard or handler reads it: a refused body costs no further work.
 * Any other type (a multipart upload, text) is left unread, and its body undefined, for the route to read.
 * body-parser keeps its refusals (a broken JSON, a charset it cannot read, 413) those of every earlier release.
 */
export function parseBody(req: RawRequest, done: (error: unknown, body?: unknown) => void): void {
  json(req, undefined as never, (jsonError?: unknown) => {
    if (jsonError) return done(jsonError);
    urlencoded(req, undefined as never, (formError?: unknown) => {
      if (formError) return done(formError);
      try {
        checkJsonLimits(req.body);
      } catch (error) {
        return done(error);
      }
      done(null, req.body);
    });
  });
}
