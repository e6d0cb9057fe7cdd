const TOKEN_KEY = 'mentorship.token';

/** The bearer token lives in sessionStorage: it is gone when the tab closes. */
export const token = {
  get: () => sessionStorage.getItem(TOKEN_KEY),
  set: (value) => sessionStorage.setItem(TOKEN_KEY, value),
  clear: () => sessionStorage.removeItem(TOKEN_KEY),
};

/** A refusal from the API: `problem` is its application/problem+json body. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.message || `Ошибка ${status}`);
    this.status = status;
    this.problem = problem ?? { status, detail: this.message };
  }
}

// The log position of our last write: read-model queries wait until they reflect it (read-your-writes).
let lastPosition = null;

function headers(extra = {}) {
  const result = { Accept: 'application/json', ...extra };
  const t = token.get();
  if (t) result.Authorization = `Bearer ${t}`;
  if (lastPosition) result['X-Min-Position'] = lastPosition;
  return result;
}

async function parse(res) {
  const type = res.headers.get('content-type') || '';
  if (res.status === 204) return null;
  if (type.includes('json')) return res.json();
  return res.text();
}

/** `api('/api/mentorships', { query: { state } })`, `api(href, { method: 'POST', body })`, `api(url, { method: 'POST', form })`. */
export async function api(path, { method = 'GET', body, form, query, headers: extra } = {}) {
  const url = new URL(path, location.origin);
  for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined && v !== null && v !== '') url.searchParams.set(k, String(v));
  let res;
  try {
    res = await fetch(url, {
      method,
      // Answers depend on who asks (availableSteps) while the ETag is only the revision: never reuse one.
      cache: 'no-store',
      headers: headers(body !== undefined ? { 'Content-Type': 'application/json', ...extra } : extra),
      body: form ?? (body !== undefined ? JSON.stringify(body) : undefined),
    });
  } catch {
    throw new ApiError(0, { title: 'Нет связи', detail: 'Сервер не отвечает. Проверьте, что он запущен, и повторите.' });
  }
  const data = await parse(res);
  if (!res.ok) {
    if (res.status === 401 && path !== '/api/session') window.dispatchEvent(new CustomEvent('signed-out', { detail: data }));
    throw new ApiError(res.status, typeof data === 'object' ? data : { status: res.status, detail: String(data || res.statusText) });
  }
  if (method !== 'GET' && data && typeof data.position === 'string') lastPosition = data.position;
  return data;
}

/** Downloads a file the API answers with (CSV, XLSX), with the token, under the server's file name. */
export async function download(path, query, fallbackName) {
  const url = new URL(path, location.origin);
  for (const [k, v] of Object.entries(query ?? {})) if (v) url.searchParams.set(k, v);
  const res = await fetch(url, { headers: headers(), cache: 'no-store' });
  if (!res.ok) throw new ApiError(res.status, await parse(res));
  const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') || '')?.[1] ?? fallbackName;
  const blob = await res.blob();
  const link = Object.assign(document.createElement('a'), { href: URL.createObjectURL(blob), download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  return name;
}

/** A GET that answers `null` instead of failing when the endpoint does not exist (yet) on this server. */
export async function optional(path, options) {
  try {
    return await api(path, options);
  } catch (e) {
    if (e instanceof ApiError && e.status === 404 && e.problem?.code === 'not-found' && /адреса нет/.test(e.problem.detail ?? '')) return null;
    throw e;
  }
}
