import { API } from '../../domain/api/routes'
import type { HttpClient } from '../../platform/http'
import { createApiClient } from '../api/client'
import type { SyncTransport } from './engine'

/** Push and pull over the API client: answers checked against the contracts, errors as ApiError. */
export function createSyncApi(http: HttpClient, apiBase: string, token: () => string | null): SyncTransport {
  const client = createApiClient(http, apiBase, token)
  return {
    push: (body) => client.call(API.syncPush, { body }),
    pull: (body) => client.call(API.syncPull, { body })
  }
}
