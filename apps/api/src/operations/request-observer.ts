import { Injectable, Logger } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { isStepName } from '#core/mentorship';
import { MetricsService } from './metrics.service';

/** What the ProblemFilter leaves on `res.locals` about a refusal, so logs and metrics can tell kinds apart. */
export interface ProblemNote {
  code: string;
  kind: string;
}

const STEP_PATH = /^\/api\/mentorships\/[^/]+\/steps\/([^/]+)$/;
const STORE_FAILURES: Record<string, string> = { 'store-disk-full': 'disk-full', 'store-read-only': 'read-only', 'store-unavailable': 'unavailable' };

/**
 * One JSON log line and the metrics for every request, written when the response is finished:
 * method, route pattern (never the raw URL with its ids and query), status, duration, request id.
 * Registered first, so requests refused before routing (a broken body) are counted too.
 */
@Injectable()
export class RequestObserver {
  private readonly logger = new Logger('http');

  constructor(private readonly metrics: MetricsService) {}

  readonly middleware = (req: Request & { id?: string }, res: Response, next: NextFunction): void => {
    const started = process.hrtime.bigint();
    res.once('finish', () => this.finished(req, res, Number(process.hrtime.bigint() - started) / 1e9));
    next();
  };

  private finished(req: Request & { id?: string }, res: Response, seconds: number) {
    const route = req.route?.path ? `${req.baseUrl ?? ''}${req.route.path}` : 'unmatched';
    const status = res.statusCode;
    const problem = res.locals.problem as ProblemNote | undefined;
    this.metrics.requests.inc({ method: req.method, route, status });
    this.metrics.requestSeconds.observe({ method: req.method, route }, seconds);
    const step = req.method === 'POST' ? stepOf(req.path) : undefined;
    if (step) {
      const outcome = status < 400 ? 'accepted' : problem?.kind ?? 'error';
      this.metrics.steps.inc({ step, outcome });
      this.metrics.stepSeconds.observe({ step }, seconds);
    }
    const storeFailure = problem && STORE_FAILURES[problem.code];
    if (storeFailure) this.metrics.storeErrors.inc({ reason: storeFailure });
    this.logger.log({
      msg: 'request', requestId: req.id, method: req.method, route, status, durationMs: Math.round(seconds * 1e6) / 1e3, code: problem?.code,
    });
  }
}

function stepOf(path: string): string | undefined {
  if (path === '/api/mentorships') return 'propose';
  const m = STEP_PATH.exec(path);
  if (!m) return undefined;
  return isStepName(m[1]) ? m[1] : 'unknown';
}
