import { Button, Text, View } from '@tarojs/components'
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
    <View className={`reader-toolbar${p.hidden ? ' reader-toolbar--hidden' : ''}`} data-testid="reader-toolbar">
      {p.navigation ? (
        <>
          <Text className={`tool${p.hasPrevious ? '' : ' tool--off'}`} onClick={() => p.hasPrevious && p.onPrevious()}>
            上一篇
          </Text>
          <Text className="tool" onClick={p.onContents}>
            目录
          </Text>
          <Text className={`tool${p.hasNext ? '' : ' tool--off'}`} onClick={() => p.hasNext && p.onNext()}>
            下一篇
          </Text>
        </>
      ) : null}
      <Text className="tool" onClick={p.onType}>
        Aa
      </Text>
      {p.onListen ? (
        <Action className="tool" label="听：播放音频或朗读" testId="tool-listen" onPress={p.onListen}>
          听
        </Action>
      ) : null}
      {p.shareButton ? (
        <Button className="tool tool--button" openType="share">
          分享
        </Button>
      ) : (
        <Text className="tool" onClick={p.onShare}>
          分享
        </Text>
      )}
    </View>
  )
}
