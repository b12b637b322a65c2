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
  /** A choice among options (quiz answers): role "radio" or "checkbox" with aria-checked instead of a button. */
  choice?: { kind: 'radio' | 'checkbox'; checked: boolean }
  /** data-* attributes (without the prefix), e.g. { letter: 'A' }. */
  dataset?: Record<string, string>
  /** A tab in a tab list (the section bar): role "tab" with aria-selected instead of a button. */
  tab?: { selected: boolean; controls?: string }
  testId?: string
  id?: string
  /** The rendered element (on H5 the DOM element, to move focus within a tab list). */
  elementRef?(el: { focus?: () => void } | null): void
  /** H5 only: keys other than Enter/Space (a tab list's arrow keys); true when handled. */
  onKey?(key: string): boolean
  onPress(): void
}

const isH5 = process.env.TARO_ENV === 'h5'
const flag = (v: boolean) => (v ? 'true' : 'false')

/**
 * Every tappable thing that is not a form control goes through here, so that it is a button to assistive
 * technology on both targets: H5 gets role, tabindex and Enter/Space activation; weapp gets aria-role and
 * aria-label, which WeChat's screen reader speaks (config/aria-plugin.js adds them to Taro's weapp templates).
 *
 * On H5 Taro renders View as the custom element `taro-view-core` and copies props onto it: strings become
 * attributes, `onKeyDown` a native keydown listener. `tabindex` is passed in lower case (Taro would write
 * `tabIndex` as an attribute `tab-index`) and ARIA states as the strings "true"/"false".
 */
export function Action(p: ActionProps) {
  const role = p.tab ? 'tab' : (p.choice?.kind ?? 'button')
  const label = p.label ?? (typeof p.children === 'string' ? p.children : undefined)
  const activate = () => {
    if (!p.disabled) p.onPress()
  }
  const attrs: Record<string, unknown> = {}
  if (label) attrs['aria-label'] = label
  if (p.disabled) attrs['aria-disabled'] = 'true'
  if (p.tab) attrs['aria-selected'] = flag(p.tab.selected)
  if (p.choice) attrs['aria-checked'] = flag(p.choice.checked)
  for (const [k, v] of Object.entries(p.dataset ?? {})) attrs[`data-${k}`] = v
  if (isH5) {
    attrs.role = role
    attrs.tabindex = p.tab && !p.tab.selected ? -1 : 0
    if (p.pressed !== undefined) attrs['aria-pressed'] = flag(p.pressed)
    if (p.tab?.controls) attrs['aria-controls'] = p.tab.controls
    attrs.onKeyDown = (e: KeyboardEvent) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault()
        activate()
      } else if (p.onKey?.(e.key)) e.preventDefault()
    }
  } else {
    attrs['aria-role'] = role
    // WeChat has no aria-pressed: a toggle's state is spoken as part of its label (a choice's too).
    if (p.pressed !== undefined && label) attrs['aria-label'] = `${label}，${p.pressed ? '已开启' : '已关闭'}`
    if (p.choice && label) attrs['aria-label'] = `${label}${p.choice.checked ? '，已选' : ''}`
  }
  return (
    <View
      ref={p.elementRef as never}
      id={p.id}
      className={`action${p.className ? ` ${p.className}` : ''}${p.disabled ? ' action--off' : ''}`}
      data-testid={p.testId}
      {...attrs}
      onClick={activate}
    >
      {p.children}
    </View>
  )
}
