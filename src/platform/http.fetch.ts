import { NetworkError, type HttpClient } from './http.types'

/** An HttpClient over WHATWG fetch (H5 and Node). JSON bodies in and out. */
export function createFetchClient(fetchImpl: typeof fetch = fetch): HttpClient {
  return async (req) => {
    const controller = new AbortController()
    const timer = setTimeout(() => controller.abort(), req.timeoutMs ?? 15000)
    let res: Response
    try {
      res = await fetchImpl(req.url, {
        method: req.method ?? 'GET',
        headers: { ...(req.body !== undefined ? { 'content-type': 'application/json' } : {}), ...req.headers },
        body: req.body !== undefined ? JSON.stringify(req.body) : undefined,
        signal: controller.signal
      })
    } catch (err) {
      throw new NetworkError('network unavailable', err)
    } finally {
      clearTimeout(timer)
    }
    const headers: Record<string, string> = {}
    res.headers.forEach((value, key) => {
      headers[key] = value
    })
    const text = res.status === 304 ? '' : await res.text()
    let data: unknown = text
    if (text && (headers['content-type'] ?? '').includes('json')) {
      try {
        data = JSON.parse(text)
      } catch {
        data = text
      }
    }
    return { status: res.status, headers, data: data as never }
  }
}
