/// <reference types="@tarojs/taro" />

declare module '*.png'
declare module '*.css'

/** Set at build time by config/index.ts (empty string on H5 = same origin). */
declare const API_BASE_URL: string

/** Set at build time by config/index.ts: LISTEN_WECHATSI=1 builds read-aloud on weapp with the WechatSI plugin. */
declare const LISTEN_WECHATSI: boolean

declare namespace NodeJS {
  interface ProcessEnv {
    TARO_ENV?: 'weapp' | 'h5'
  }
}
