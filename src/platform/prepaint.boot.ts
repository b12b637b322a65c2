// The H5 pre-paint: bundled by scripts/build-prepaint.ts into an inline <script> at the end of index.html's body, so
// it runs before the app's bundle, which it starts itself (see the end of this file). When the address names an
// article whose issue is in the offline store (and current), or names no page and the app was left on such an
// article, it paints that article with the reader's type, theme and saved position; the article page takes over the
// same region and removes the node (src/platform/prepaint.h5.ts). Anything missing, stale or unreadable paints
// nothing. Not part of the app bundle: never imported by app code.
import {
  issueFileName,
  planPrepaint,
  PREPAINT_DONE_ATTR as DONE_ATTR,
  PREPAINT_ID,
  prepaintView,
  resumeRoutes,
  snapshotView,
  STORAGE_KEYS,
  type ArticleView,
  type PrepaintPlan
} from '../domain/reading/prepaint'

function el(tag: string, className: string, text?: string, fontPx?: number): HTMLElement {
  const e = document.createElement(tag)
  e.className = className
  if (text !== undefined) e.textContent = text
  if (fontPx !== undefined) e.style.fontSize = `${fontPx}px`
  return e
}

/** The article page's markup (src/pages/article/index.tsx), with div/span for Taro's view/text. */
function paint(plan: PrepaintPlan, view: ArticleView): void {
  const node = el('div', '')
  node.id = PREPAINT_ID
  node.dataset.issue = plan.issueId
  node.dataset.article = plan.articleId
  // Where Taro's page scrolls (.taro_page: absolute, the whole screen, scrolling itself), above it until hand-over.
  node.style.cssText = 'position:fixed;top:0;left:0;right:0;bottom:0;overflow-y:scroll;z-index:1000'
  const screen = node.appendChild(el('div', plan.screenClass))
  const root = screen.appendChild(el('div', 'article-root page-pad'))
  root.appendChild(el('span', 'article-section accent', view.section))
  root.appendChild(el('span', 'article-title', view.title, plan.titlePx))
  root.appendChild(el('span', 'article-meta muted', view.meta))
  const text = root.appendChild(el('div', 'article-text', undefined, plan.bodyPx))
  for (const p of view.paragraphs) text.appendChild(el('span', 'para', p))
  const end = root.appendChild(el('div', 'article-end'))
  if (view.source) end.appendChild(el('span', 'attribution', view.source, plan.metaPx))
  if (view.next) {
    const next = root.appendChild(el('div', 'next-card'))
    next.appendChild(el('span', 'muted next-card__label', view.next.label))
    next.appendChild(el('span', 'next-card__title', view.next.title))
  }
  root.appendChild(el('div', 'toolbar-space'))
  document.body.appendChild(node)
  // The page's own rule (use-scroll-position.ts): a fraction of the article's height less the screen's.
  const height = root.getBoundingClientRect().height - window.innerHeight
  if (height >= 24 && plan.position > 0.005) node.scrollTop = Math.round(plan.position * height)
}

/** The app's scripts (scripts/build-prepaint.ts lists them on this element, preloaded from <head>), in order. */
const appScripts = (document.currentScript?.getAttribute('data-app') ?? '').split(' ').filter(Boolean)
let started = false
/** Runs the app's bundle: once, in order, as the deferred scripts it replaces would. */
function startApp(): void {
  if (started) return
  started = true
  for (const src of appScripts) {
    const script = document.createElement('script')
    script.src = src
    script.async = false
    document.body.appendChild(script)
  }
}

let painted = false
try {
  const read = (key: string) => localStorage.getItem(key)
  // A start without a route goes on where the last session was left: 书架 with that article on top (back leads to
  // 书架), set before the app's router reads the address.
  const resume = resumeRoutes(location.href, read)
  if (resume) {
    history.replaceState(null, '', resume[0])
    history.pushState(null, '', resume[1])
  }
  // The hash route alone (the app's router reads only it; a query before it is the page's, not the route's).
  const plan = planPrepaint(location.hash, read)
  // The article last shown, kept in the key-value store: painted now, in the first frame.
  const kept = plan && snapshotView(read(STORAGE_KEYS.lastArticle), plan)
  if (plan && kept) {
    paint(plan, kept)
    painted = true
  } else if (plan) {
    const open = indexedDB.open(STORAGE_KEYS.filesDb)
    // No database yet: do not create one (the app creates it with its store); nothing is stored anyway.
    open.onupgradeneeded = () => open.transaction?.abort()
    open.onerror = (e) => e.preventDefault()
    open.onsuccess = () => {
      const db = open.result
      try {
        const get = db
          .transaction(STORAGE_KEYS.filesStore)
          .objectStore(STORAGE_KEYS.filesStore)
          .get(issueFileName(plan.issueId))
        get.onsuccess = () => {
          db.close()
          try {
            const view = prepaintView(get.result, plan)
            // Not when the app got there first (it marks the document once its page has taken over or given up).
            if (view && !document.getElementById(PREPAINT_ID) && !document.documentElement.hasAttribute(DONE_ATTR))
              paint(plan, view)
          } catch {
            document.getElementById(PREPAINT_ID)?.remove()
          }
        }
        get.onerror = () => db.close()
      } catch {
        db.close()
      }
    }
  }
} catch {
  // Private mode, no storage, a damaged record: the app starts as it always did.
  document.getElementById(PREPAINT_ID)?.remove()
}
// Painted: the bundle starts once that frame is on screen (its evaluation would otherwise hold the frame back); the
// timer covers a frame that never comes (a hidden tab). Else at once, as the deferred scripts did.
if (painted && document.visibilityState === 'visible') {
  requestAnimationFrame(() => setTimeout(startApp, 0))
  setTimeout(startApp, 1000)
} else startApp()
