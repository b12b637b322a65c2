import { route } from '../route'
import { SearchQuerySchema, SearchReplySchema } from '../search'

/** 搜索 over the server (pages/search). */
export const SEARCH_ROUTES = {
  /** 搜索 over every published issue; 400 for an empty or too long query. */
  search: route({
    method: 'GET',
    path: '/api/search',
    body: null,
    query: SearchQuerySchema,
    reply: SearchReplySchema,
    errors: [400],
    auth: false
  })
} as const
