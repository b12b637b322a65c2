import type { PlatformLogin } from './login.types'

export type { PlatformLogin } from './login.types'

function deviceName(): string {
  const ua = navigator.userAgent
  if (/MicroMessenger/i.test(ua)) return '微信浏览器'
  if (/iPhone|iPad/i.test(ua)) return 'iPhone 浏览器'
  if (/Android/i.test(ua)) return '安卓浏览器'
  return '电脑浏览器'
}

export const login: PlatformLogin = { kind: 'device', code: async () => null, deviceName }
