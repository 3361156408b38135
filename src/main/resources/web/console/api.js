// The API with the user's token: kept in sessionStorage (this tab only, gone when it closes), sent as a bearer
// header, never put in a URL or a cookie.
const KEY = 'complaints-kpi.token';

export class NeedsToken extends Error {}
export class Forbidden extends Error {}

export function setToken(token) {
  sessionStorage.setItem(KEY, token);
}

export function forgetToken() {
  sessionStorage.removeItem(KEY);
}

function headers(accept) {
  const h = { Accept: accept };
  const token = sessionStorage.getItem(KEY);
  if (token) {
    h.Authorization = 'Bearer ' + token;
  }
  return h;
}

async function fetchOk(path, accept) {
  const response = await fetch(path, { headers: headers(accept), cache: 'no-store', credentials: 'omit' });
  if (response.ok) {
    return response;
  }
  let message = response.status + ' ' + response.statusText;
  try {
    message = (await response.json()).error || message;
  } catch (ignored) {
    // not JSON: keep the status line
  }
  if (response.status === 401) {
    throw new NeedsToken(message);
  }
  if (response.status === 403) {
    throw new Forbidden(message);
  }
  throw new Error(message);
}

export async function get(path, params = {}) {
  const query = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== undefined && v !== null && v !== ''));
  const url = query.toString() ? path + '?' + query : path;
  return (await fetchOk(url, 'application/json')).json();
}

/** A document (the annual report as HTML, CSV or JSON) fetched with the token and opened from memory. */
export async function open(url) {
  const blob = await (await fetchOk(url, '*/*')).blob();
  const objectUrl = URL.createObjectURL(blob);
  window.open(objectUrl, '_blank', 'noopener');
  setTimeout(() => URL.revokeObjectURL(objectUrl), 60000);
}
