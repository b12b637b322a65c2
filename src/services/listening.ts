// 听: the app's one audio player (attached audio), above any page; its listening time is synced (SPEC F6).
// Only the pages that play (the article page and the campaign page, subpackages on weapp) import this module, so the
// player is not in the main package; both get the same instance (one module, however many packages carry its code).
import { audio } from '../platform/audio'
import { kv } from '../platform/kv'
import { apiBase } from '../platform/config'
import { offlineAudio, services } from './index'
import { createListenService } from './listen'

export const listen = createListenService({
  audio,
  kv,
  apiBase,
  now: () => Date.now(),
  newId: () => `${Date.now().toString(36)}-${Math.floor(Math.random() * 1e9).toString(36)}`,
  record: ({ kind, parentId, itemId, sessionId, seconds, at }) => {
    if (kind === 'article')
      services.sync.record('listenArticle', {
        issueId: parentId,
        articleId: itemId,
        sessionId,
        mode: 'audio',
        seconds,
        at
      })
    else services.sync.record('listenLecture', { campaignId: parentId, lectureId: itemId, sessionId, seconds, at })
  },
  localSrc: (ref) => offlineAudio.src(ref)
})
