import { Agent, request } from 'node:http';

/** Business dates relative to the server's real today, so no step is "in the future". */
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

export interface TrafficFigures {
  /** 2xx answers to writes (steps, proposals, people and bank entries). */
  ok: number;
  failed: number;
  /** The answers that were not 2xx, by status, or by the error when there was no answer (`ECONNRESET`…). */
  notOk: Record<string, number>;
  mentorships: number;
  people: number;
}

/**
 * A curator's day at a steady rate: each request falls due at a fixed time (open loop; when the
 * server is late the next one goes at once, so at most one request per curator is in flight). A
 * curator takes a fresh mentorship after `stepsPerMentorship` steps, as a region's curators move
 * from one to the next: registering the mentee (and, every third time, a mentor), with
 * consent and bank entries, the proposal, both consents and the order. So streams stay as long as
 * real ones and the server sees new people and mentorships all the time, which is what fills
 * (and must not overfill) its caches.
 */
export class SoakTraffic {
  readonly figures: TrafficFigures = { ok: 0, failed: 0, notOk: {}, mentorships: 0, people: 0 };
  private readonly agent: Agent;
  private readonly url: URL;
  private stopped = false;

  constructor(baseUrl: string, private readonly tokens: { curator: string; head: string }, connections: number, private readonly stepsPerMentorship: number) {
    this.url = new URL(baseUrl);
    this.agent = new Agent({ keepAlive: true, maxSockets: connections });
  }

  /** Runs `connections` curators until `stop()`, `perSec` requests per second in all. */
  async run(connections: number, perSec: number): Promise<void> {
    const interval = (1000 * connections) / perSec;
    const started = performance.now();
    await Promise.all(Array.from({ length: connections }, (_, c) => this.curator(started + (c / connections) * interval, interval)));
    this.agent.destroy();
  }

  stop(): void {
    this.stopped = true;
  }

  private async curator(first: number, interval: number): Promise<void> {
    let due = first;
    const send = async (path: string, body: unknown, token = this.tokens.curator): Promise<any> => {
      const now = performance.now();
      if (due > now) await new Promise((r) => setTimeout(r, due - now));
      due = Math.max(due + interval, performance.now() - 10 * interval);
      const { status, json, error } = await this.post(path, body, token);
      if (status >= 200 && status < 300) this.figures.ok++;
      else {
        this.figures.failed++;
        const key = error ?? String(status);
        this.figures.notOk[key] = (this.figures.notOk[key] ?? 0) + 1;
      }
      return status < 300 ? json : undefined;
    };
    const person = async (bank: 'mentor' | 'mentee') => {
      const p = await send('/api/people', { fullName: bank === 'mentor' ? 'Наставник Нагрузочный' : 'Педагог Нагрузочный', position: 'Воспитатель', firstWorkingDay: daysAgo(70) });
      if (!p) return undefined;
      this.figures.people++;
      await send(`/api/people/${p.id}/consent`, { date: daysAgo(70), documentRef: 'ПДн' });
      await send(`/api/${bank}-bank`, bank === 'mentor' ? { personId: p.id, competences: ['ФГОС'] } : { personId: p.id, requests: ['игра'] });
      return p.id as string;
    };
    let mentor: string | undefined;
    for (let n = 0; !this.stopped; n++) {
      // A mentor holds three mentees (§3.7): a new one every third mentorship.
      if (n % 3 === 0 || !mentor) mentor = await person('mentor');
      const mentee = await person('mentee');
      if (!mentor || !mentee) continue;
      const m = await send('/api/mentorships', {
        mentorId: mentor, menteeIds: [mentee], form: 'traditional', topic: 'Нагрузка', plannedStart: daysAgo(60), plannedEnd: daysAgo(-120), date: daysAgo(65),
      });
      if (!m) continue;
      this.figures.mentorships++;
      for (const p of [mentor, mentee]) await send(`/api/mentorships/${m.id}/steps/consent`, { personId: p, given: true, date: daysAgo(64), documentRef: 'С' });
      await send(`/api/mentorships/${m.id}/steps/order`, { number: 'Н-1', date: daysAgo(63) }, this.tokens.head);
      for (let i = 0; i < this.stepsPerMentorship && !this.stopped; i++) {
        await send(`/api/mentorships/${m.id}/steps/request-replacement`, { date: daysAgo(40), reason: 'other', note: 'нагрузочный тест' });
      }
    }
  }

  private post(path: string, body: unknown, token: string): Promise<{ status: number; json: any; error?: string }> {
    const text = JSON.stringify(body);
    return new Promise((resolve) => {
      const req = request({
        host: this.url.hostname, port: this.url.port, path, method: 'POST', agent: this.agent,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) },
      }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const status = res.statusCode ?? 0;
          let json: any;
          try {
            // Only a registration or a proposal's answer is needed (its id); a step's view is read no further.
            json = status < 300 && (path === '/api/people' || path === '/api/mentorships') ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : undefined;
          } catch {
            json = undefined;
          }
          resolve({ status, json });
        });
      });
      // A refused connection or a reset counts as a failure, not a crash of the load.
      req.on('error', (e: NodeJS.ErrnoException) => resolve({ status: 0, json: undefined, error: e.code ?? e.name }));
      req.end(text);
    });
  }
}
