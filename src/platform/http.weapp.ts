import Taro from '@tarojs/taro'
import { NetworkError, type HttpClient } from './http.types'

export type { HttpClient, HttpRequest, HttpResponse } from './http.types'
export { NetworkError } from './http.types'

/** wx.request: at most 10 concurrent, 60 s timeout; fails when the app has been in the background for long. */
export const http: HttpClient = async (req) => {
  try {
    const res = await Taro.request({
      url: req.url,
      method: req.method ?? 'GET',
      header: req.headers,
      data: req.body as never,
      timeout: req.timeoutMs ?? 15000,
      dataType: 'json'
    })
    const headers: Record<string, string> = {}
    for (const [k, v] of Object.entries(res.header ?? {})) headers[k.toLowerCase()] = String(v)
    return { status: res.statusCode, headers, data: res.data as never }
  } catch (err) {
    throw new NetworkError('network unavailable', err)
  }
}
