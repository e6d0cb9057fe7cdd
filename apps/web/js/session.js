import { api, ApiError, token } from './api.js';

const DEMO_KEY = 'mentorship.demoAccounts';

/** What the whole page shares: who is signed in, the vocabulary, the lifecycle graph (loaded once). */
export const app = {
  session: null,
  vocabulary: null,
  lifecycle: null,
};

export async function loadSession() {
  app.session = await api('/api/session');
  return app.session;
}

export async function vocabulary() {
  app.vocabulary ??= await api('/api/vocabulary');
  return app.vocabulary;
}

export async function lifecycle() {
  app.lifecycle ??= await api('/api/lifecycle');
  return app.lifecycle;
}

export async function signIn(value) {
  // A token is printable ASCII; anything else cannot even travel in an HTTP header.
  if (!/^[\x21-\x7e]+$/.test(value.trim())) throw new ApiError(401, { title: 'Вход не выполнен', detail: 'Токен не распознан.' });
  token.set(value.trim());
  try {
    return await loadSession();
  } catch (e) {
    token.clear();
    app.session = null;
    throw e;
  }
}

export function signOut() {
  token.clear();
  app.session = null;
}

/** Accounts the demo loader made, kept for this tab only, so one can switch roles while trying it out. */
export const demoAccounts = {
  list: () => JSON.parse(sessionStorage.getItem(DEMO_KEY) || '[]'),
  save: (accounts) => sessionStorage.setItem(DEMO_KEY, JSON.stringify(accounts)),
};
