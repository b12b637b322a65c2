export interface SystemInfo {
  /** WeChat's font-size setting as a factor (1 = standard); 1 where the platform has none. */
  fontScale(): number
  /** True when opened from Moments in 单页模式 (scene 1154): no login, no navigation, separate storage. */
  isSinglePageMode(): boolean
}
