export interface ApiResponse {
  status: number;
  headers: Headers;
  body: any;
}

/** A thin fetch wrapper: JSON in, JSON (or problem+json) out. */
export class ApiClient {
  constructor(readonly baseUrl: string, readonly token?: string) {}

  async request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResponse> {
    const res = await fetch(this.baseUrl + path, {
      method,
      headers: {
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
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
