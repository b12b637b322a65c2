import { createElement, Fragment, useState, type PropsWithChildren } from 'react'
import { useLaunch } from '@tarojs/taro'
import { UpdateBanner } from './components/UpdateBanner'
import { decodeParams, issueParam } from './domain/routes'
import { serviceWorker } from './platform/sw'
import { system } from './platform/system'
import { services } from './services'
import './app.css'

// The one place services start: what is stored offline is published and the network followed, before any page.
services.start()

function App({ children }: PropsWithChildren) {
  // The waiting version's `apply`, kept until the user taps the banner (or 稍后 hides it for this visit).
  const [applyUpdate, setApplyUpdate] = useState<(() => void) | null>(null)
  useLaunch((options) => {
    // A deep link to an article or issue: start reading the issue while the page's code is still loading.
    const issueId = issueParam(decodeParams(options?.query ?? {}))
    if (issueId) void services.loadIssue(issueId).catch(() => undefined)
    // Stores restore synchronously from platform storage on import; nothing to await here.
    void serviceWorker.register((apply) => setApplyUpdate(() => apply))
    // Reading needs no account; sign-in runs in the background (never in 单页模式, where wx.login is unavailable).
    if (!system.isSinglePageMode()) void services.account.update()
  })
  return createElement(
    Fragment,
    null,
    children,
    // The update banner is H5's (a waiting service worker); the mini-program asks with WeChat's modal
    // (src/platform/sw.weapp.ts). Written out here so that the weapp bundle leaves the banner out.
    process.env.TARO_ENV === 'h5'
      ? createElement(UpdateBanner, {
          visible: applyUpdate !== null,
          onApply: () => applyUpdate?.(),
          onDismiss: () => setApplyUpdate(null)
        })
      : null
  )
}

export default App
