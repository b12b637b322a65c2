// Service instances wired to the platform.
import { http } from '../platform/http'
import { apiBase } from '../platform/config'
import { libraryStore } from '../stores'
import { createContentApi } from './content/api'

export const contentApi = createContentApi(http, apiBase)

/** Load the issue index into the library store; keeps what it had when the network fails. */
export async function refreshLibrary(): Promise<void> {
  const s = libraryStore.getState()
  s.setLoading()
  try {
    s.setIssues(await contentApi.listIssues())
  } catch {
    libraryStore.getState().setError('无法连接服务器，请检查网络后下拉刷新')
  }
}
