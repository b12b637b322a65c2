// The app's service instances, wired to the platform and the stores. Importing this module starts nothing:
// src/app.ts calls `services.start()` once at launch.
import { http } from '../platform/http'
import { apiBase } from '../platform/config'
import { files } from '../platform/files'
import { kv } from '../platform/kv'
import { network } from '../platform/network'
import { login } from '../platform/login'
import { libraryStore, offlineStore, sessionStore } from '../stores'
import { createAppServices } from './app-services'

export { CACHE_BUDGET_BYTES, createAppServices, type AppServices } from './app-services'

export const services = createAppServices({
  http, apiBase, files, kv, network, login,
  stores: { library: libraryStore, offline: offlineStore, session: sessionStore }
})

export const {
  contentApi, accountApi, account, content,
  loadIssue, refreshLibrary, downloadIssue, downloadAll, removeDownload, removeAllDownloads
} = services
