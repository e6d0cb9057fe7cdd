import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { SqliteEventStore, STORED_EVENT_STORE, type EventStore } from '#libs/event-store';

const SECONDS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];

/**
 * The server's Prometheus metrics, in a registry of its own (several apps may share a process in
 * tests). Labels are bounded sets: step names, refusal kinds, route patterns, store failure reasons.
 */
@Injectable()
export class MetricsService implements OnModuleDestroy {
  readonly registry = new Registry();
  readonly steps = new Counter({
    name: 'mentorship_steps_total', help: 'Steps (and proposals) by step and outcome: accepted or the refusal kind', labelNames: ['step', 'outcome'], registers: [this.registry],
  });
  readonly stepSeconds = new Histogram({
    name: 'mentorship_step_duration_seconds', help: 'Time to answer a step, acknowledged only once on disk', labelNames: ['step'], buckets: SECONDS, registers: [this.registry],
  });
  readonly requests = new Counter({
    name: 'http_requests_total', help: 'HTTP requests by method, route pattern and status', labelNames: ['method', 'route', 'status'], registers: [this.registry],
  });
  readonly requestSeconds = new Histogram({
    name: 'http_request_duration_seconds', help: 'HTTP request duration by route pattern', labelNames: ['method', 'route'], buckets: SECONDS, registers: [this.registry],
  });
  readonly storeErrors = new Counter({
    name: 'event_store_errors_total', help: 'Writes the event store refused: disk-full, read-only or unavailable', labelNames: ['reason'], registers: [this.registry],
  });
  private readonly detach: (() => void)[] = [];

  constructor(@Inject(STORED_EVENT_STORE) store: EventStore) {
    collectDefaultMetrics({ register: this.registry });
    // projection_lag_* are registered here by ProjectionLagMonitor.
    if (store instanceof SqliteEventStore) this.watchCommits(store);
  }

  private watchCommits(store: SqliteEventStore) {
    const commits = new Histogram({
      name: 'event_store_commit_duration_seconds', help: 'Group commit: transaction start to fsync done', buckets: SECONDS, registers: [this.registry],
    });
    const batch = new Histogram({
      name: 'event_store_commit_appends', help: 'Appends per group commit (one fsync)', buckets: [1, 2, 4, 8, 16, 32, 64, 128, 256, 512], registers: [this.registry],
    });
    this.detach.push(store.onCommit((c) => {
      commits.observe(c.ms / 1000);
      batch.observe(c.appends);
    }));
  }

  onModuleDestroy() {
    for (const d of this.detach) d();
  }
}
