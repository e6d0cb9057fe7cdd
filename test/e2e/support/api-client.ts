export interface ApiResponse {
  status: number;
  headers: Headers;
  body: any;
}

/** A thin fetch wrapper: JSON in, JSON (or problem+json) out. */
export class ApiClient {
  /** `timeoutMs`: give up on an answer that does not come (a connection handed to a process killed meanwhile). */
  constructor(readonly baseUrl: string, readonly token?: string, private readonly options: { timeoutMs?: number } = {}) {}

  async request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResponse> {
    const res = await fetch(this.baseUrl + path, {
      method,
      headers: {
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      signal: this.options.timeoutMs ? AbortSignal.timeout(this.options.timeoutMs) : undefined,
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      /* not JSON */
    }
    return { status: res.status, headers: res.headers, body: parsed };
  }

  get(path: string, headers?: Record<string, string>) {
    return this.request('GET', path, undefined, headers);
  }

  post(path: string, body: unknown, headers?: Record<string, string>) {
    return this.request('POST', path, body, headers);
  }

  step(id: string, step: string, body: unknown, headers?: Record<string, string>) {
    return this.post(`/api/mentorships/${id}/steps/${step}`, body, headers);
  }
}
