import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import type { Issue } from '../domain/issue/types'
import { decodeParams, type QueryParams } from '../domain/routes'
import { typographyFor, type Typography } from '../domain/reading/typography'
import { system } from '../platform/system'
import { services } from '../services'
import { useSettings } from '../stores'

/** Reading typography from the settings and WeChat's font-size setting. */
export function useTypography(): Typography {
  const step = useSettings((s) => s.fontStep)
  const care = useSettings((s) => s.careMode)
  return typographyFor(step, care, system.fontScale())
}

export type IssueLoad = { status: 'loading' } | { status: 'ready'; issue: Issue } | { status: 'error'; message: string }

/** Loads an issue by id (the content repository knows whether a stored copy is current). */
export function useIssue(id: string | undefined): IssueLoad {
  const [state, setState] = useState<IssueLoad>({ status: 'loading' })
  useEffect(() => {
    if (!id) {
      setState({ status: 'error', message: '链接不完整，找不到这一期。' })
      return
    }
    let live = true
    setState({ status: 'loading' })
    services.loadIssue(id).then(
      (issue) => {
        if (live) setState({ status: 'ready', issue })
      },
      () => {
        if (live) setState({ status: 'error', message: '这一期还没有下载，请连接网络后重试。' })
      }
    )
    return () => {
      live = false
    }
  }, [id])
  return state
}

/** The query parameters of the current page (deep links included), decoded; read them with src/domain/routes. */
export function useParams(): QueryParams {
  return decodeParams(Taro.getCurrentInstance().router?.params ?? {})
}

/** Scrolls the page so that the element matching `selector` sits just under the sticky bar (both targets support selector + offsetTop). */
export function scrollToSelector(selector: string, offset = 56): void {
  void Taro.pageScrollTo({ selector, offsetTop: -offset, duration: 0 })
}
