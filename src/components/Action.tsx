import { View } from '@tarojs/components'
import type { ReactNode } from 'react'

export interface ActionProps {
  /** What a screen reader says: "缩小字号", not "A−". Defaults to the visible text when that is a string. */
  label?: string
  children: ReactNode
  className?: string
  /** Shown dimmed and not activated (aria-disabled), but still focusable so it is announced. */
  disabled?: boolean
  /** A toggle's state (aria-pressed), e.g. a chosen font size. */
  pressed?: boolean
  /** A tab in a tab list (the section bar): role "tab" with aria-selected instead of a button. */
  tab?: { selected: boolean; controls?: string }
  testId?: string
  id?: string
  onPress(): void
}

const isH5 = process.env.TARO_ENV === 'h5'

/**
 * Every tappable thing that is not a form control goes through here, so that it is a button to assistive
 * technology on both targets: H5 gets role, tabindex and Enter/Space activation; weapp gets aria-role and
 * aria-label, which WeChat's screen reader speaks.
 */
export function Action(p: ActionProps) {
  const role = p.tab ? 'tab' : 'button'
  const label = p.label ?? (typeof p.children === 'string' ? p.children : undefined)
  const activate = () => {
    if (!p.disabled) p.onPress()
  }
  const state: Record<string, unknown> = {}
  if (p.disabled) state['aria-disabled'] = true
  if (p.pressed !== undefined) state['aria-pressed'] = p.pressed
  if (p.tab) {
    state['aria-selected'] = p.tab.selected
    if (p.tab.controls) state['aria-controls'] = p.tab.controls
  }
  const platform: Record<string, unknown> = isH5
    ? {
        role,
        tabIndex: p.tab && !p.tab.selected ? -1 : 0,
        onKeyDown: (e: { key?: string; preventDefault?: () => void }) => {
          if (e.key === 'Enter' || e.key === ' ') {
            e.preventDefault?.()
            activate()
          }
        }
      }
    : { 'aria-role': role }
  return (
    <View
      id={p.id}
      className={`action${p.className ? ` ${p.className}` : ''}${p.disabled ? ' action--off' : ''}`}
      data-testid={p.testId}
      aria-label={label}
      {...state}
      {...platform}
      onClick={activate}
    >
      {p.children}
    </View>
  )
}
