// The one request layer every API function goes through.
//
// - Same-origin cookie session (HttpOnly `anju_session`); every unsafe method carries the
//   CSRF token in `X-CSRF-Token`.
// - Success: the JSON body as is (a resource or {items, total, page, size}); 204 → undefined.
// - Failure: throws ApiError built from the server's envelope
//   {"error":{"code","message","i18n","request_id","fields":[…]}}, after telling the user
//   (translated via `server.<i18n>`, falling back to `message`) through the notifier the
//   route group installed (Element Plus message box on /admin, Vant toast on phones).
// - 401: the session is gone; the route group's handler sends the user to its login page.
// - Uploads (raw bytes), downloads (saved under the server's file name) and server-sent event
//   streams go through here too: no other file calls fetch, XHR or EventSource or handles
//   the CSRF token.
import type { Schema } from './schema'

export type FieldError = Schema<'FieldError'>

/** A page of a list: `{items, total, page, size}` (the contract's `Page`). */
export type Page<T> = Omit<Schema<'Page'>, 'items'> & { items: T[] }

export class ApiError extends Error {
  constructor(
    public status: number,
    public code: string,
    message: string,
    public i18n: string,
    public requestId: string,
    public fields: FieldError[],
  ) {
    super(message)
  }
}

type Query = Record<string, string | number | boolean | null | undefined>

export interface RequestOptions {
  query?: Query
  body?: unknown
  /** Do not show the error to the user (the caller handles it). */
  quiet?: boolean
  /** Do not treat 401 as "session expired" (login, session probe). */
  no401?: boolean
  /** Extra request headers (Idempotency-Key of a payment). */
  headers?: Record<string, string>
  /** A raw body sent as is instead of JSON `body` (a file upload), with its Content-Type. */
  raw?: { data: ArrayBuffer | Blob; type: string }
}

interface Hooks {
  translate: (err: ApiError) => string
  notify: (text: string) => void
  unauthorized: () => void
}

const hooks: Hooks = {
  translate: (e) => e.message,
  notify: (text) => console.error(text),
  unauthorized: () => {},
}
let csrfToken = ''

export function setCsrfToken(token: string): void {
  csrfToken = token
}
export function setRequestHooks(h: Partial<Hooks>): void {
  Object.assign(hooks, h)
}
/** The user-facing text of an error (translated). */
export function errorText(err: unknown): string {
  if (err instanceof ApiError) return hooks.translate(err)
  return err instanceof Error ? err.message : String(err)
}

function buildUrl(path: string, query?: Query): string {
  if (!query) return path
  const params = new URLSearchParams()
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue
    params.append(k, String(v))
  }
  const s = params.toString()
  return s ? `${path}?${s}` : path
}

async function toError(res: Response): Promise<ApiError> {
  let body: unknown = null
  try {
    body = await res.json()
  } catch {
    /* not JSON (a proxy error page) */
  }
  const e = (body as { error?: Record<string, unknown> } | null)?.error
  if (e && typeof e === 'object') {
    return new ApiError(
      res.status,
      String(e.code ?? ''),
      String(e.message ?? res.statusText),
      String(e.i18n ?? ''),
      String(e.request_id ?? ''),
      Array.isArray(e.fields) ? (e.fields as FieldError[]) : [],
    )
  }
  return new ApiError(res.status, 'HTTP_' + res.status, res.statusText || 'Network error',
    'common.internal', res.headers.get('x-request-id') ?? '', [])
}

export async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { ...opts.headers, Accept: 'application/json' }
  const init: RequestInit = { method, headers, credentials: 'same-origin' }
  if (method !== 'GET' && method !== 'HEAD') {
    if (csrfToken) headers['X-CSRF-Token'] = csrfToken
    if (opts.raw) {
      headers['Content-Type'] = opts.raw.type
      init.body = opts.raw.data
    } else if (opts.body !== undefined) {
      headers['Content-Type'] = 'application/json'
      init.body = JSON.stringify(opts.body)
    }
  }
  let res: Response
  try {
    res = await fetch(buildUrl(path, opts.query), init)
  } catch (cause) {
    const err = new ApiError(0, 'NETWORK', String(cause), 'common.unavailable', '', [])
    if (!opts.quiet) hooks.notify(hooks.translate(err))
    throw err
  }
  if (res.ok) {
    if (res.status === 204) return undefined as T
    const text = await res.text()
    return (text ? JSON.parse(text) : undefined) as T
  }
  const err = await toError(res)
  if (err.status === 401 && !opts.no401) {
    hooks.unauthorized()
  } else if (!opts.quiet) {
    hooks.notify(hooks.translate(err))
  }
  throw err
}

/** The file name of a download: `filename*=UTF-8''…` first, else `filename="…"`. */
function fileNameOf(disposition: string | null, fallback: string): string {
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition ?? '')
  if (star) {
    try {
      return decodeURIComponent(star[1])
    } catch {
      /* a malformed name: try the plain one */
    }
  }
  return /filename="([^"]+)"/i.exec(disposition ?? '')?.[1] ?? fallback
}

/**
 * GETs a file (an export) with the session and saves it under the name the server gives.
 * Errors are shown and thrown like request()'s.
 */
export async function download(path: string, query?: Query, opts: RequestOptions = {}): Promise<void> {
  const res = await fetchOk(path, query, opts)
  const url = URL.createObjectURL(await res.blob())
  const a = document.createElement('a')
  a.href = url
  a.download = fileNameOf(res.headers.get('content-disposition'), path.split('/').pop() ?? 'download')
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10000)
}

/**
 * Shows a file the server sends inline (a PDF to print) in a new tab: the tab opens at once,
 * inside the click, so no popup blocker stops it, and gets the file when it has arrived with
 * the session; on an error the tab closes and the error is thrown as download()'s.
 */
export async function openFile(path: string, query?: Query, opts: RequestOptions = {}): Promise<void> {
  const tab = window.open('', '_blank')
  let res: Response
  try {
    res = await fetchOk(path, query, opts)
  } catch (err) {
    tab?.close()
    throw err
  }
  const url = URL.createObjectURL(await res.blob())
  if (tab) tab.location.href = url
  else window.location.href = url
  setTimeout(() => URL.revokeObjectURL(url), 60000)
}

/** GET with the session; a failed answer becomes an ApiError (notified unless quiet). */
async function fetchOk(path: string, query: Query | undefined, opts: RequestOptions): Promise<Response> {
  let res: Response
  try {
    res = await fetch(buildUrl(path, query), { credentials: 'same-origin' })
  } catch (cause) {
    const err = new ApiError(0, 'NETWORK', String(cause), 'common.unavailable', '', [])
    if (!opts.quiet) hooks.notify(hooks.translate(err))
    throw err
  }
  if (!res.ok) {
    const err = await toError(res)
    if (err.status === 401) hooks.unauthorized()
    else if (!opts.quiet) hooks.notify(hooks.translate(err))
    throw err
  }
  return res
}

/**
 * POSTs raw bytes (a photo, a spreadsheet) with their Content-Type instead of JSON; the answer
 * and errors are request()'s.
 */
export function upload<T>(path: string, data: Blob | ArrayBuffer, type: string, opts: RequestOptions = {}): Promise<T> {
  return request<T>('POST', path, { ...opts, raw: { data, type } })
}

/**
 * Opens a server-sent event stream (same origin, with the session cookie; EventSource
 * reconnects by itself). `onEvent` gets the data of each event named `event`, parsed as JSON,
 * or null when it is not JSON. Null where the browser has no EventSource. Close it when done.
 */
export function eventStream<T>(path: string, event: string, onEvent: (data: T | null) => void): EventSource | null {
  if (typeof EventSource === 'undefined') return null
  const source = new EventSource(path, { withCredentials: true })
  source.addEventListener(event, (ev) => {
    let data: T | null = null
    try {
      data = JSON.parse((ev as MessageEvent<string>).data) as T
    } catch {
      /* not JSON */
    }
    onEvent(data)
  })
  return source
}

export const http = {
  get: <T>(path: string, query?: Query, opts: RequestOptions = {}) =>
    request<T>('GET', path, { ...opts, query }),
  post: <T>(path: string, body?: unknown, opts: RequestOptions = {}) =>
    request<T>('POST', path, { ...opts, body: body ?? {} }),
  patch: <T>(path: string, body: unknown, opts: RequestOptions = {}) =>
    request<T>('PATCH', path, { ...opts, body }),
  put: <T>(path: string, body: unknown, opts: RequestOptions = {}) =>
    request<T>('PUT', path, { ...opts, body }),
  del: <T = void>(path: string, opts: RequestOptions = {}) => request<T>('DELETE', path, opts),
}
