/// <reference types="@tarojs/taro" />

declare module '*.png'
declare module '*.css'

/** Set at build time by config/index.ts (empty string on H5 = same origin). */
declare const API_BASE_URL: string

declare namespace NodeJS {
  interface ProcessEnv {
    TARO_ENV?: 'weapp' | 'h5'
  }
}
