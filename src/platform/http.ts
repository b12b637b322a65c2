import { createFetchClient } from './http.fetch'

export type { HttpClient, HttpRequest, HttpResponse } from './http.types'
export { NetworkError } from './http.types'

export const http = createFetchClient((...args) => fetch(...args))
