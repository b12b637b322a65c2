// Every route of /api, in one table for the server (each route file registers its schemas from here) and the
// contract tests. The client imports the group it calls (./reader, ./account, ./quiz, …), so a page's bundle carries only the
// schemas of the routes it uses: the weapp main package holds the reader's, each subpackage its own.
import { ACCOUNT_ROUTES } from './account'
import { CAMPAIGN_ROUTES } from './campaign'
import { ORG_ROUTES } from './orgs'
import { PRIVACY_ROUTES } from './privacy'
import { PUBLISH_ROUTES } from './publish'
import { QUIZ_ROUTES } from './quiz'
import { READER_ROUTES } from './reader'
import { SEARCH_ROUTES } from './search'

export { responseSchemas, type RouteContract } from '../route'

/** Every route of /api. Server route files and the contract tests take their schemas from here. */
export const API = {
  ...READER_ROUTES,
  ...ACCOUNT_ROUTES,
  ...QUIZ_ROUTES,
  ...ORG_ROUTES,
  ...CAMPAIGN_ROUTES,
  ...PUBLISH_ROUTES,
  ...SEARCH_ROUTES,
  ...PRIVACY_ROUTES
} as const

export type ApiRoutes = typeof API
