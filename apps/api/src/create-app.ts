import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { NextFunction, Request, Response } from 'express';
import { JSON_LIMITS } from '#libs/kernel';
import { AppModule, type AppOptions } from './app.module';
import { bodyLimits } from './http/body-limits';
import { noStore, securityHeaders } from './http/security-headers';
import { RequestObserver } from './operations/request-observer';

z.config(z.locales.ru());

/** Builds the HTTP app on a given store (the server's main and the e2e tests share this). */
export async function createApp(options: AppOptions, logger: false | ('log' | 'error' | 'warn')[] = ['log', 'error', 'warn']) {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(options), { logger, bodyParser: false });
  app.setGlobalPrefix('api');
  app.disable('x-powered-by');
  app.use(securityHeaders, noStore);
  app.use((req: Request & { id?: string }, res: Response, next: NextFunction) => {
    const given = req.headers['x-request-id'];
    req.id = typeof given === 'string' && /^[\w.-]{1,100}$/.test(given) ? given : randomUUID();
    res.setHeader('X-Request-Id', req.id);
    next();
  });
  app.use(app.get(RequestObserver).middleware);
  // The parsers Nest would add, with a size limit, and every parsed body checked before any guard or handler reads it.
  app.useBodyParser('json', { limit: JSON_LIMITS.bodyBytes });
  app.useBodyParser('urlencoded', { limit: JSON_LIMITS.bodyBytes, extended: true });
  app.use(bodyLimits);
  return app;
}
