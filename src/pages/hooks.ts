import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { decodeQueryValue } from '../domain/format'
import type { Issue } from '../domain/issue/types'
import { typographyFor, type Typography } from '../domain/reading/typography'
import { system } from '../platform/system'
import { loadIssue } from '../services'
import { libraryStore, useSettings } from '../stores'

/** Reading typography from the settings and WeChat's font-size setting. */
export function useTypography(): Typography {
  const step = useSettings((s) => s.fontStep)
  const care = useSettings((s) => s.careMode)
  return typographyFor(step, care, system.fontScale())
}

export type IssueLoad = { status: 'loading' } | { status: 'ready'; issue: Issue } | { status: 'error'; message: string }

/** Loads an issue from the offline store or the network. */
export function useIssue(id: string | undefined): IssueLoad {
  const [state, setState] = useState<IssueLoad>({ status: 'loading' })
  useEffect(() => {
    if (!id) { setState({ status: 'error', message: '链接不完整，找不到这一期。' }); return }
    let live = true
    setState({ status: 'loading' })
    const hash = libraryStore.getState().issues.find((s) => s.id === id)?.hash
    loadIssue(id, hash).then(
      (issue) => { if (live) setState({ status: 'ready', issue }) },
      () => { if (live) setState({ status: 'error', message: '这一期还没有下载，请连接网络后重试。' }) }
    )
    return () => { live = false }
  }, [id])
  return state
}

/** The query parameters of the current page (deep links included). */
export function useParams(): Record<string, string | undefined> {
  const params = Taro.getCurrentInstance().router?.params ?? {}
  const out: Record<string, string | undefined> = {}
  for (const [k, v] of Object.entries(params)) out[k] = typeof v === 'string' ? decodeQueryValue(v) : undefined
  return out
}

/** Scrolls the page so that the element matching `selector` sits just under the sticky bar (both targets support selector + offsetTop). */
export function scrollToSelector(selector: string, offset = 56): void {
  void Taro.pageScrollTo({ selector, offsetTop: -offset, duration: 0 })
}
