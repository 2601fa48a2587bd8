// fetch wrapper: relative URLs, bearer token, problem details → ApiError, and the global 401 rule.

import { auth } from '../lib/auth';
import type { ProblemDetails } from './types';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: ProblemDetails,
    /** The session ended (401): the app is already on its way back to sign-in. */
    readonly sessionExpired = false,
  ) {
    super(messageOf(status, problem));
    this.name = 'ApiError';
  }

  /** Field errors (`{ "questions[0].text": ["Required."] }`). */
  get fieldErrors(): Record<string, string[]> {
    return this.problem.errors ?? {};
  }
}

/** ASP.NET's title for every validation problem; it says nothing the detail or the field messages do not. */
export const GENERIC_VALIDATION_TITLE = 'One or more validation errors occurred.';

function messageOf(status: number, problem: ProblemDetails): string {
  if (status === 0) return problem.detail ?? 'The server could not be reached. Check your connection and try again.';
  const title = problem.title?.trim();
  const detail = problem.detail?.trim();
  if (title === GENERIC_VALIDATION_TITLE) {
    // Say what is wrong instead: the server's own message, else the field messages (pages that show an error
    // without a form to put them in).
    if (detail && detail !== 'The request is invalid.') return detail;
    const fields = Object.entries(problem.errors ?? {}).map(([key, messages]) => `${key}: ${messages.join(' ')}`);
    if (fields.length) return fields.join(' ');
  }
  if (title && detail && detail !== 'The request is invalid.') return `${title.replace(/\.$/, '')}: ${detail}`;
  return title || detail || `The request failed (HTTP ${status}).`;
}

export interface RequestOptions {
  body?: unknown;
  /** Send the body as is with this content type (e.g. image/jpeg frames). */
  contentType?: string;
  /** Without the bearer token (login, register). */
  anonymous?: boolean;
  signal?: AbortSignal;
  /** Return the raw Response (e.g. to read a blob). */
  raw?: boolean;
}

export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' };
  const token = options.anonymous ? null : auth.token;
  if (token) headers.Authorization = `Bearer ${token}`;

  let body: BodyInit | undefined;
  if (options.body !== undefined) {
    if (options.contentType) {
      headers['Content-Type'] = options.contentType;
      body = options.body as BodyInit;
    } else {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(options.body);
    }
  }

  let response: Response;
  try {
    response = await fetch(path, { method, headers, body, signal: options.signal ?? null, cache: 'no-store' });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError(0, {});
  }

  if (response.status === 401 && token) {
    // Expired or revoked token: back to sign-in with a message, whatever the call was.
    auth.expire();
    throw new ApiError(401, { title: 'Your session has expired, please sign in again' }, true);
  }

  if (!response.ok) {
    throw new ApiError(response.status, await readProblem(response));
  }

  if (options.raw) return response as unknown as T;
  if (response.status === 204) return undefined as T;
  const type = response.headers.get('Content-Type') ?? '';
  if (!type.includes('json')) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

async function readProblem(response: Response): Promise<ProblemDetails> {
  try {
    const type = response.headers.get('Content-Type') ?? '';
    if (type.includes('json')) return (await response.json()) as ProblemDetails;
  } catch {
    // fall through
  }
  const retryAfter = response.headers.get('Retry-After');
  return { status: response.status, title: response.statusText || undefined, detail: retryAfter ? `Try again in ${retryAfter} s.` : undefined };
}

export const api = {
  get: <T>(path: string, options?: RequestOptions) => request<T>('GET', path, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('POST', path, { ...options, body }),
  put: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('PUT', path, { ...options, body }),
  patch: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('PATCH', path, { ...options, body }),
  del: <T>(path: string, options?: RequestOptions) => request<T>('DELETE', path, options),
};

/** Encodes an id for a path segment. */
export const seg = (id: string) => encodeURIComponent(id);
