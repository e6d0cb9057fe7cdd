import { Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { type HttpReply } from '#libs/kernel';

/** `apps/web` of the checkout, found by walking up from here (the same from sources and from `dist/`). */
export function webRoot(from: string = __dirname): string | null {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'apps', 'web');
    if (existsSync(join(candidate, 'index.html'))) return candidate;
    if (dirname(dir) === dir) return null;
  }
}

/** Only this origin: the page never loads a font, script or style from the network (issue 6). */
const CONTENT_SECURITY_POLICY =
  "default-src 'self'; img-src 'self' data: blob:; style-src 'self'; script-src 'self'; connect-src 'self'; " +
  "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/** Serves the web interface at `/`; the API stays under `/api`. */
@Injectable()
export class StaticSite implements OnModuleInit {
  constructor(private readonly host: HttpAdapterHost) {}

  onModuleInit(): void {
    const adapter = this.host?.httpAdapter;
    const root = webRoot();
    // No HTTP adapter in a CLI application context; no files in a build shipped without apps/web.
    if (!adapter || !root) return;
    const files = {
      root,
      index: 'index.html',
      // A folder named without its slash is redirected to it (301), as it always was.
      redirect: true,
      setHeaders: (res: HttpReply, path: string) => {
        // The type RFC 9239 names (the default would be the older application/javascript).
        if (path.endsWith('.js')) res.header('Content-Type', 'text/javascript; charset=utf-8');
        res.header('Content-Security-Policy', CONTENT_SECURITY_POLICY);
        res.header('X-Content-Type-Options', 'nosniff');
        res.header('Referrer-Policy', 'no-referrer');
        res.header('Cache-Control', 'no-cache');
      },
    };
    // A wildcard route below every API route; a path that names no file goes on to the app's 404 (a Russian problem),
    // and so does one the file server refuses to resolve (`..`, `//`, `/./` in it: 403 otherwise): no file has such an address.
    void (adapter.getInstance() as FastifyInstance).register(async (scope) => {
      scope.setErrorHandler((error: { code?: string }, _req, reply) => {
        if (error.code === 'FST_STATIC_FORBIDDEN_PATH') return reply.callNotFound();
        throw error;
      });
      await scope.register(fastifyStatic, files);
    });
  }
}
