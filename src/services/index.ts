// The app's service instances, wired to the platform and the stores. Importing this module starts nothing:
// src/app.ts calls `services.start()` once at launch.
import { http } from '../platform/http'
import { apiBase } from '../platform/config'
import { files } from '../platform/files'
import { kv } from '../platform/kv'
import { network } from '../platform/network'
import { login } from '../platform/login'
import { libraryStore, offlineStore, progressStore, sessionStore, syncStatusStore } from '../stores'
import { system } from '../platform/system'
import { createAppServices } from './app-services'
import { createOfflineAudio } from './listen-offline'
import { audioFiles } from '../platform/audiofiles'

export { CACHE_BUDGET_BYTES, createAppServices, type AppServices } from './app-services'

/** 听: offline copies of attached audio, kept with the issue downloads within their own budget. */
export const offlineAudio = createOfflineAudio({ files: audioFiles, kv, apiBase })

export const services = createAppServices({
  http,
  apiBase,
  files,
  kv,
  network,
  login,
  stores: {
    library: libraryStore,
    offline: offlineStore,
    session: sessionStore,
    progress: progressStore,
    sync: syncStatusStore
  },
  // Opened from Moments (单页模式) there is no member: reads stay on the device.
  canSync: () => !system.isSinglePageMode(),
  withDownload: {
    downloaded: (issue) => offlineAudio.downloadFor(issue),
    removed: (id) => offlineAudio.removeFor(id),
    bytes: () => offlineAudio.usage()
  }
})
