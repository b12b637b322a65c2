// The search service instance. Only the search page (a subpackage on weapp) imports this module, so the index code
// stays out of the main package; while it is loaded it indexes each issue as it is downloaded or cached.
import { apiBase } from '../../platform/config'
import { http } from '../../platform/http'
import { kv } from '../../platform/kv'
import { searchFiles } from '../../platform/search-files'
import { services } from '../index'
import { createSearchApi } from './api'
import { createSearchService } from './service'

export type { LocalResult, OnlineHit, SearchService } from './service'

export const search = createSearchService({
  content: services.content,
  files: searchFiles,
  kv,
  api: createSearchApi(http, apiBase)
})
