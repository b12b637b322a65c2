// What outlives one run of the mini-program: the phone's WeChat storage and user-data files, its network, the
// clipboard. Killing the app and launching it again keeps a Device; a new phone is a new Device.

/** wx.setStorage: 10 MB per user per mini-program, 1 MB per key (WeChat docs). */
export const STORAGE_TOTAL_BYTES = 10 * 1024 * 1024
export const STORAGE_KEY_BYTES = 1024 * 1024
/** Local cache + user files together: 200 MB (WeChat docs). */
export const USER_DATA_BYTES = 200 * 1024 * 1024
export const USER_DATA_PATH = 'wxfile://usr'

export interface DeviceOptions {
  /** Origin of the app server that stands in for the request 合法域名 (every wx.request goes there). */
  server: string
  /** The WeChat user on this phone (the mock jscode2session derives the openid from it). */
  user?: string
  fontSizeScaleFactor?: number
  storageTotalBytes?: number
  userDataBytes?: number
}

export class Device {
  readonly server: string
  readonly user: string
  fontSizeScaleFactor: number
  storageTotalBytes: number
  userDataBytes: number
  /** wx storage: key → value as stored (strings here; size is what JSON makes of it). */
  readonly storage = new Map<string, unknown>()
  /** 单页模式 (opened from Moments) has storage of its own, apart from the full app's. */
  readonly singlePageStorage = new Map<string, unknown>()
  /** The user data file system: absolute wxfile:// path → text. */
  readonly files = new Map<string, string>()
  readonly dirs = new Set<string>([USER_DATA_PATH])
  clipboard = ''
  /** Files in this phone's WeChat chats (text), what wx.chooseMessageFile offers; the user picks the first. */
  readonly chatFiles: Array<{ name: string; text: string }> = []
  /** Whether this phone's user agreed to the mini-program's 用户隐私保护指引 (WeChat remembers it across launches). */
  privacyAgreed = false
  /**
   * The page the mini-program was left on when it was destroyed, when that page asks to be reopened there
   * (`restartStrategy: 'homePageAndLatestPage'`); the next start without a path opens it over the home page.
   */
  exitPage: { route: string; query: Record<string, string> } | null = null
  private online = true
  private readonly networkListeners = new Set<(online: boolean) => void>()

  constructor(options: DeviceOptions) {
    this.server = options.server
    this.user = options.user ?? 'member'
    this.fontSizeScaleFactor = options.fontSizeScaleFactor ?? 1
    this.storageTotalBytes = options.storageTotalBytes ?? STORAGE_TOTAL_BYTES
    this.userDataBytes = options.userDataBytes ?? USER_DATA_BYTES
  }

  isOnline(): boolean {
    return this.online
  }

  /** Switches the network on or off and tells every running mini-program (onNetworkStatusChange). */
  setOnline(online: boolean): void {
    if (this.online === online) return
    this.online = online
    for (const l of [...this.networkListeners]) l(online)
  }

  onNetworkChange(listener: (online: boolean) => void): () => void {
    this.networkListeners.add(listener)
    return () => this.networkListeners.delete(listener)
  }

  storageEntryBytes(key: string, value: unknown): number {
    // A string counts as its bytes (what the app stores); anything else as its JSON.
    const data = typeof value === 'string' ? Buffer.byteLength(value) : Buffer.byteLength(JSON.stringify(value) ?? '')
    return Buffer.byteLength(key) + data
  }

  storageBytes(storage: Map<string, unknown> = this.storage): number {
    let n = 0
    for (const [k, v] of storage) n += this.storageEntryBytes(k, v)
    return n
  }

  userDataUsed(): number {
    let n = 0
    for (const v of this.files.values()) n += Buffer.byteLength(v)
    return n
  }

  /** Fills storage with opaque data (another part of WeChat's 10 MB for this user) until `freeBytes` remain. */
  fillStorage(freeBytes: number): void {
    let i = 0
    while (this.storageTotalBytes - this.storageBytes() > freeBytes) {
      const room = this.storageTotalBytes - this.storageBytes() - freeBytes
      const size = Math.min(STORAGE_KEY_BYTES - 64, room - 40)
      if (size <= 0) break
      this.storage.set(`filler.${i++}`, 'x'.repeat(size))
    }
  }
}
