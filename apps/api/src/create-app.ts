import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { IncomingMessage } from 'node:http';
import { parse as parseQuery } from 'node:querystring';
import { z } from 'zod';
import { AppModule, type AppOptions } from './app.module';
import { parseBody } from './http/body-limits';
import { conditionalGet } from './http/conditional-get';
import { noStore, securityHeaders } from './http/security-headers';
import { RequestObserver } from './operations/request-observer';

z.config(z.locales.ru());

/** The caller's X-Request-Id when it is a plain token, else a fresh one: it names the request in logs and problems. */
function requestId(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && /^[\w.-]{1,100}$/.test(given) ? given : randomUUID();
}

/** helmet's headers, `no-store` under /api, the request id: on every response, refusals and the web page's files included. */
function everyResponseHeaders(req: FastifyRequest, reply: FastifyReply): void {
  securityHeaders(req.raw, reply.raw, () => noStore(req.raw, reply.raw, () => undefined));
  reply.raw.setHeader('X-Request-Id', req.id);
}

type ErrorHandler = (error: unknown, req: FastifyRequest, reply: FastifyReply) => unknown;

/** The adapter, keeping the app's error handler (the exception filters) for the errors Fastify raises before routing. */
class ApiAdapter extends FastifyAdapter {
  private appErrorHandler: ErrorHandler | undefined;

  /**
   * Fastify answering as the API always has: paths case-insensitive, a trailing slash ignored,
   * parameters of any length (a long id is the route's 404, not an unknown address), the query parsed
   * by Node's `querystring` (repeated names become arrays, brackets are plain characters).
   */
  constructor() {
    super({
      genReqId: requestId,
      // Node's own server timeouts, which Fastify would change (keep-alive 72 s, no limit on a whole request).
      keepAliveTimeout: 5_000,
      requestTimeout: 300_000,
      // A request on a connection still open while the app closes is answered, not refused with Fastify's English 503.
      return503OnClosing: false,
      // A URL the router cannot decode is refused as any other request: the headers of every response, a Russian problem.
      frameworkErrors: (error: Error, req: FastifyRequest, reply: FastifyReply) => {
        everyResponseHeaders(req, reply);
        if (this.appErrorHandler) this.appErrorHandler(error, req, reply);
        else reply.send(error);
      },
      routerOptions: {
        caseSensitive: false,
        ignoreTrailingSlash: true,
        maxParamLength: 65_536,
        querystringParser: (query: string) => parseQuery(query),
      },
    });
  }

  override setErrorHandler(handler: ErrorHandler) {
    this.appErrorHandler = handler;
    return super.setErrorHandler(handler);
  }
}

/** Builds the HTTP app on a given store (the server's main and the e2e tests share this). */
export async function createApp(options: AppOptions, logger: false | ('log' | 'error' | 'warn')[] = ['log', 'error', 'warn']) {
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(options), new ApiAdapter(), { logger, bodyParser: false });
  app.setGlobalPrefix('api');
  // Node's own answer to a request it cannot parse, which never writes into a response already sent (Fastify's would:
  // the bytes a client sent after a body-less request would get a second answer on the same connection).
  app.getHttpServer().removeAllListeners('clientError');
  const fastify = app.getHttpAdapter().getInstance();
  const observer = app.get(RequestObserver);
  fastify.decorateRequest('started', undefined);
  // First: requests refused before routing (a broken body, an unknown address) are counted and carry the headers too.
  fastify.addHook('onRequest', observer.arrived);
  fastify.addHook('onRequest', (req, reply, done) => {
    everyResponseHeaders(req, reply);
    done();
  });
  fastify.addHook('onSend', conditionalGet);
  fastify.addHook('onResponse', observer.answered);
  // Bodies are read by one parser (`parseBody`) before any guard or handler, whatever their type says.
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser('*', (_req, _payload, done) => done(null, undefined));
  fastify.addHook('preValidation', (req, _reply, done) => {
    parseBody(req.raw, (error, body) => {
      if (error) {
        observer.bodyRefused(req);
        return done(error as Error);
      }
      req.body = body;
      done();
    });
  });
  return app;
}
