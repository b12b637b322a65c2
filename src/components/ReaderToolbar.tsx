import { Button, View } from '@tarojs/components'
import { Action } from './Action'
import './ReaderToolbar.css'

export interface ReaderToolbarProps {
  hidden: boolean
  hasPrevious: boolean
  hasNext: boolean
  /** weapp shares through a button with openType="share" (it triggers onShareAppMessage). */
  shareButton: boolean
  navigation: boolean
  onPrevious(): void
  onContents(): void
  onNext(): void
  onType(): void
  onShare(): void
  /** 听 (audio or read-aloud); absent when the article has neither on this build. */
  onListen?(): void
}

/** The article's bottom bar: 上一篇 · 目录 · 下一篇 · Aa · 听 · 分享. */
export function ReaderToolbar(p: ReaderToolbarProps) {
  return (
    <View
      className={`reader-toolbar${p.hidden ? ' reader-toolbar--hidden' : ''}`}
      data-testid="reader-toolbar"
      {...(process.env.TARO_ENV === 'h5' ? { role: 'toolbar', 'aria-label': '文章工具栏' } : {})}
    >
      {p.navigation ? (
        <>
          <Action
            className="tool"
            label="上一篇"
            disabled={!p.hasPrevious}
            testId="tool-previous"
            onPress={p.onPrevious}
          >
            上一篇
          </Action>
          <Action className="tool" label="目录" testId="tool-contents" onPress={p.onContents}>
            目录
          </Action>
          <Action className="tool" label="下一篇" disabled={!p.hasNext} testId="tool-next" onPress={p.onNext}>
            下一篇
          </Action>
        </>
      ) : null}
      <Action className="tool" label="字号与显示设置" testId="tool-type" onPress={p.onType}>
        Aa
      </Action>
      {p.onListen ? (
        <Action className="tool" label="听：播放音频或朗读" testId="tool-listen" onPress={p.onListen}>
          听
        </Action>
      ) : null}
      {p.shareButton ? (
        <Button className="tool tool--button" openType="share" aria-label="分享给微信好友">
          分享
        </Button>
      ) : (
        <Action className="tool" label="分享" testId="tool-share" onPress={p.onShare}>
          分享
        </Action>
      )}
    </View>
  )
}
