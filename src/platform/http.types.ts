export interface HttpRequest {
  url: string
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  headers?: Record<string, string>
  body?: unknown
  timeoutMs?: number
}

export interface HttpResponse<T = unknown> {
  status: number
  headers: Record<string, string>
  data: T
}

/** The network could not be reached (offline, DNS, timeout): callers fall back to their offline store. */
export class NetworkError extends Error {
  constructor(message: string, cause?: unknown) {
    super(message)
    this.name = 'NetworkError'
    this.cause = cause
  }
}

export type HttpClient = <T = unknown>(req: HttpRequest) => Promise<HttpResponse<T>>
