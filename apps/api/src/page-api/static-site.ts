import { Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ServerResponse } from 'node:http';

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
    // Mounted during init, after Nest's routes and before its 404 handler, so /api always answers first.
    adapter.useStaticAssets(root, {
      index: 'index.html',
      fallthrough: true,
      setHeaders: (res: ServerResponse) => {
        res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
        res.setHeader('X-Content-Type-Options', 'nosniff');
        res.setHeader('Referrer-Policy', 'no-referrer');
        res.setHeader('Cache-Control', 'no-cache');
      },
    });
  }
}
