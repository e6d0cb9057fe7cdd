import { Injectable, Logger } from '@nestjs/common';
import { isStepName } from '#core/mentorship';
import { routeOf, type HttpRequest } from '#libs/kernel';
import { MetricsService } from './metrics.service';

/** What the ProblemFilter notes about a refusal on its response, so logs and metrics can tell kinds apart. */
export interface ProblemNote {
  code: string;
  kind: string;
}

/** The notes by the Node.js response they were sent on (a reply wraps it as `raw`): gone with the response. */
const PROBLEMS = new WeakMap<object, ProblemNote>();
const nodeResponse = (res: object): object => (res as { raw?: object }).raw ?? res;

export function noteProblem(res: object, note: ProblemNote): void {
  PROBLEMS.set(nodeResponse(res), note);
}

/** The request as the observer reads it: the adapter's request, with the start time it is given on arrival. */
type ObservedRequest = Pick<HttpRequest, 'id' | 'method' | 'routeOptions' | 'route'> & { url: string; started?: bigint };

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

  /** Requests whose body was refused: logged as no route's, as when the body was read before routing. */
  private readonly refusedBodies = new WeakSet<object>();

  constructor(private readonly metrics: MetricsService) {}

  /** The body parser refused this request's body: no route read it. */
  readonly bodyRefused = (req: object): void => {
    this.refusedBodies.add(req);
  };

  /** On arrival, before anything else reads the request. */
  readonly arrived = (req: ObservedRequest, _res: unknown, done: () => void): void => {
    req.started = process.hrtime.bigint();
    done();
  };

  /** Once the response is sent (its `finish`). */
  readonly answered = (req: ObservedRequest, res: { statusCode: number }, done: () => void): void => {
    if (req.started !== undefined) this.finished(req, res, Number(process.hrtime.bigint() - req.started) / 1e9);
    done();
  };

  private finished(req: ObservedRequest, res: { statusCode: number }, seconds: number) {
    const route = (!this.refusedBodies.has(req) && routeOf(req)) || 'unmatched';
    const status = res.statusCode;
    const problem = PROBLEMS.get(nodeResponse(res));
    this.metrics.requests.inc({ method: req.method, route, status });
    this.metrics.requestSeconds.observe({ method: req.method, route }, seconds);
    const step = req.method === 'POST' ? stepOf(pathOf(req.url)) : undefined;
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

function pathOf(url: string): string {
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}

function stepOf(path: string): string | undefined {
  if (path === '/api/mentorships') return 'propose';
  const m = STEP_PATH.exec(path);
  if (!m) return undefined;
  return isStepName(m[1]) ? m[1] : 'unknown';
}
