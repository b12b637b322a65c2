import type { PlatformLogin } from './login.types'

export type { PlatformLogin } from './login.types'
export const login: PlatformLogin = { kind: 'device', code: async () => null, deviceName: () => '测试设备' }
