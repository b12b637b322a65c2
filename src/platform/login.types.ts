/** The platform's own sign-in: a one-time WeChat login code on weapp; nothing on H5 (device accounts instead). */
export interface PlatformLogin {
  kind: 'wechat' | 'device'
  code(): Promise<string | null>
  deviceName(): string
}
