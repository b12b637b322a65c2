import { READER_ROUTES } from '../../domain/api/routes/reader'
import type { HttpClient } from '../../platform/http'
import { createApiClient } from '../api/client'
import type { SyncTransport } from './engine'

/** Push and pull over the API client: answers checked against the contracts, errors as ApiError. */
export function createSyncApi(http: HttpClient, apiBase: string, token: () => string | null): SyncTransport {
  const client = createApiClient(http, apiBase, token)
  return {
    push: (body) => client.call(READER_ROUTES.syncPush, { body }),
    pull: (body) => client.call(READER_ROUTES.syncPull, { body })
  }
}
