// A fake `wx` with WeChat's limits and error messages, on top of a Device (storage, files, network that outlive a
// run) and a Navigator (the harness's page stack). Every API checks the base library version it appeared in
// against the declared floor: a call the floor does not allow is recorded and throws.
import { API_SINCE, BASE_LIBRARY_FLOOR, compareVersions } from './api-versions'
import { STORAGE_KEY_BYTES, USER_DATA_PATH, type Device } from './device'

export interface LaunchOptions {
  path: string
  query: Record<string, string>
  scene: number
  referrerInfo?: Record<string, unknown>
}

/** What the fake needs from the running mini-program. */
export interface Host {
  navigate(kind: 'navigateTo' | 'redirectTo' | 'switchTab' | 'reLaunch', url: string): void
  navigateBack(delta: number): void
  currentPage(): HostPage | undefined
  /** Rectangles for nodes with a class in the current page's rendered data (a layout stand-in). */
  rects(selector: string, all: boolean): unknown
  /** Parses JSON into the mini-program's own realm (objects the bundle gets must be its own). */
  parseJson(text: string): unknown
  timeout(fn: () => void, ms: number): void
}

export interface HostPage {
  route: string
  scrollTop: number
  onPageScroll?: (e: { scrollTop: number }) => void
  pullDownRefreshStopped: number
}

/** Everything the fake saw, for assertions. */
export interface WxLog {
  calls: string[]
  /** APIs called that the base library floor does not have, and other misuse of the platform. */
  violations: string[]
  toasts: Array<{ title: string; icon?: string }>
  /** wx.showModal's title and content, in order (every modal is answered 确定). */
  modals: Array<{ title: string; content: string }>
  shareMenus: unknown[]
  requests: Array<{ method: string; url: string; ok: boolean }>
  logins: number
  maxConcurrentRequests: number
  navigationBarTitles: string[]
  /** How the app answered WeChat's privacy questions (onNeedPrivacyAuthorization), in order. */
  privacyAnswers: Array<{ event: string; buttonId?: string }>
  privacyContractsOpened: number
  /** wx.getBackgroundAudioManager: what the app set and called, in order ("title=…", "src=…", "pause", …). */
  backgroundAudio: string[]
}

/** The fake BackgroundAudioManager's state and the phone's own controls (lock screen, time passing). */
export interface BackgroundAudioControl {
  readonly fields: Record<string, unknown>
  /** Plays on for `seconds` (when playing): time updates, and the end at the duration. */
  advance(seconds: number): void
  /** The lock screen's pause button. */
  lockScreenPause(): void
}

type Opts = { success?: (r: unknown) => void; fail?: (e: unknown) => void; complete?: (r: unknown) => void } & Record<
  string,
  unknown
>

const SINGLE_PAGE_SCENE = 1154
/** APIs that fail in 单页模式 (opened from Moments): no sign-in, no navigation. */
const NOT_IN_SINGLE_PAGE = new Set(['login', 'navigateTo', 'redirectTo', 'switchTab', 'reLaunch', 'navigateBack'])

export function createFakeWx(device: Device, host: Host, launch: LaunchOptions, floor = BASE_LIBRARY_FLOOR) {
  const log: WxLog = {
    calls: [],
    violations: [],
    toasts: [],
    modals: [],
    shareMenus: [],
    requests: [],
    logins: 0,
    maxConcurrentRequests: 0,
    navigationBarTitles: [],
    privacyAnswers: [],
    privacyContractsOpened: 0,
    backgroundAudio: []
  }
  const singlePage = launch.scene === SINGLE_PAGE_SCENE
  const storage = singlePage ? device.singlePageStorage : device.storage
  const unsubscribers: Array<() => void> = []
  const networkCallbacks = new Set<(r: { isConnected: boolean; networkType: string }) => void>()
  unsubscribers.push(
    device.onNetworkChange((online) => {
      for (const cb of [...networkCallbacks])
        host.timeout(() => cb({ isConnected: online, networkType: online ? 'wifi' : 'none' }), 0)
    })
  )
  let concurrent = 0
  let loginNonce = 0

  const requireVersion = (name: string) => {
    const since = API_SINCE[name]
    if (since && compareVersions(since, floor) > 0) {
      const message = `wx.${name} needs base library ${since}, above the declared floor ${floor}`
      log.violations.push(message)
      throw new Error(message)
    }
  }

  /** Callback-style API: runs `work` later, then success/fail/complete like the base library. */
  const asyncApi =
    (name: string, work: (o: Opts) => unknown | Promise<unknown> = () => undefined) =>
    (o: Opts = {}) => {
      log.calls.push(name)
      requireVersion(name)
      const settle = new Promise<unknown>((resolve, reject) => {
        host.timeout(() => {
          Promise.resolve()
            .then(() => {
              if (singlePage && NOT_IN_SINGLE_PAGE.has(name)) throw new Error('can not invoke in single page mode')
              return work(o)
            })
            .then(
              (res) => {
                const r = { errMsg: `${name}:ok`, ...(res as object) }
                o.success?.(r)
                o.complete?.(r)
                resolve(r)
              },
              (err: Error & { errCode?: number }) => {
                const e: { errMsg: string; errCode?: number } = { errMsg: `${name}:fail ${err.message}` }
                if (err.errCode !== undefined) e.errCode = err.errCode
                o.fail?.(e)
                o.complete?.(e)
                reject(e)
              }
            )
        }, 0)
      })
      // Since 2.10.2 an API called without callbacks returns a promise; with callbacks the rejection is theirs.
      if (o.success || o.fail || o.complete) {
        settle.catch(() => undefined)
        return undefined
      }
      return settle
    }
  const syncApi =
    <A extends unknown[], R>(name: string, fn: (...args: A) => R) =>
    (...args: A): R => {
      log.calls.push(name)
      requireVersion(name)
      return fn(...args)
    }
  const fail = (message: string, errCode?: number) => Object.assign(new Error(message), { errCode })

  // --- background audio (one per mini-program, as WeChat's) ------------------------------------------------------
  const audioListeners = new Map<string, Array<(e?: unknown) => void>>()
  const audioFields: Record<string, unknown> = {
    title: '',
    epname: '',
    singer: '',
    coverImgUrl: '',
    src: '',
    startTime: 0,
    playbackRate: 1,
    currentTime: 0,
    duration: 0,
    paused: true
  }
  const audioEmit = (event: string, arg?: unknown) => {
    for (const cb of audioListeners.get(event) ?? []) host.timeout(() => cb(arg), 0)
  }
  const WRITABLE = ['title', 'epname', 'singer', 'coverImgUrl', 'src', 'startTime', 'playbackRate']
  const manager: Record<string, unknown> = {}
  for (const key of Object.keys(audioFields)) {
    Object.defineProperty(manager, key, {
      enumerable: true,
      get: () => audioFields[key],
      set: (v: unknown) => {
        if (!WRITABLE.includes(key)) {
          log.violations.push(`BackgroundAudioManager.${key} is read-only`)
          return
        }
        log.backgroundAudio.push(`${key}=${String(v)}`)
        audioFields[key] = v
        if (key !== 'src' || !v) return
        // WeChat: the title must be set before src; setting src starts playing at startTime.
        if (!audioFields.title) log.violations.push('BackgroundAudioManager.src set without a title')
        audioFields.currentTime = Number(audioFields.startTime) || 0
        audioFields.duration = 600
        audioFields.paused = false
        audioEmit('play')
        audioEmit('timeUpdate')
      }
    })
  }
  const audioMethod = (name: string, fn: () => void) => () => {
    log.backgroundAudio.push(name)
    fn()
  }
  Object.assign(manager, {
    play: audioMethod('play', () => {
      if (!audioFields.src) return
      audioFields.paused = false
      audioEmit('play')
    }),
    pause: audioMethod('pause', () => {
      audioFields.paused = true
      audioEmit('pause')
    }),
    stop: audioMethod('stop', () => {
      audioFields.paused = true
      audioFields.src = ''
      audioFields.currentTime = 0
      audioEmit('stop')
    }),
    seek: (position: number) => {
      log.backgroundAudio.push(`seek ${position}`)
      audioFields.currentTime = position
      audioEmit('timeUpdate')
    }
  })
  for (const event of ['Play', 'Pause', 'Stop', 'Ended', 'TimeUpdate', 'Error', 'Prev', 'Next', 'Canplay', 'Waiting'])
    manager[`on${event}`] = (cb: (e?: unknown) => void) => {
      const key = event[0].toLowerCase() + event.slice(1)
      audioListeners.set(key, [...(audioListeners.get(key) ?? []), cb])
    }
  const audioControl: BackgroundAudioControl = {
    fields: audioFields,
    advance(seconds: number) {
      if (audioFields.paused || !audioFields.src) return
      const d = Number(audioFields.duration)
      audioFields.currentTime = Math.min(d, Number(audioFields.currentTime) + seconds)
      audioEmit('timeUpdate')
      if (Number(audioFields.currentTime) >= d) {
        audioFields.paused = true
        audioEmit('ended')
      }
    },
    lockScreenPause() {
      audioFields.paused = true
      audioEmit('pause')
    }
  }

  // --- storage ---------------------------------------------------------------------------------------------
  const setStorage = (key: string, data: unknown) => {
    if (typeof key !== 'string' || key === '') throw fail('invalid key')
    const size = device.storageEntryBytes(key, data)
    if (size > STORAGE_KEY_BYTES) throw fail('entry size limit reached')
    const previous = storage.has(key) ? device.storageEntryBytes(key, storage.get(key)) : 0
    if (device.storageBytes(storage) - previous + size > device.storageTotalBytes)
      throw fail('exceed storage max size 10Mb')
    storage.set(key, data)
  }
  const syncThrow = (api: string, fn: () => unknown) => {
    try {
      return fn()
    } catch (err) {
      throw new Error(`${api}:fail ${(err as Error).message}`)
    }
  }
  const storageInfo = () => ({
    keys: [...storage.keys()],
    currentSize: Math.ceil(device.storageBytes(storage) / 1024),
    limitSize: Math.floor(device.storageTotalBytes / 1024)
  })

  // --- file system -----------------------------------------------------------------------------------------
  const parentOf = (p: string) => p.slice(0, p.lastIndexOf('/'))
  const inUserData = (p: string) => p === USER_DATA_PATH || p.startsWith(`${USER_DATA_PATH}/`)
  const fsApi = (name: string, work: (o: Opts) => unknown) => {
    const api = asyncApi(name, work)
    return (o: Opts) => api(o)
  }
  const fileSystemManager = {
    readFile: fsApi('readFile', (o) => {
      const p = String(o.filePath)
      const text = device.files.get(p)
      if (text === undefined) throw fail(`no such file or directory, open "${p}"`, 1300002)
      if (o.encoding === 'base64') return { data: Buffer.from(text).toString('base64') }
      return { data: o.encoding ? text : new TextEncoder().encode(text).buffer }
    }),
    writeFile: fsApi('writeFile', (o) => {
      const p = String(o.filePath)
      if (!inUserData(p)) throw fail(`permission denied, open "${p}"`, 1300013)
      if (!device.dirs.has(parentOf(p))) throw fail(`no such file or directory, open "${p}"`, 1300002)
      if (typeof o.data !== 'string') throw fail('invalid data')
      const before = device.files.get(p)
      const used = device.userDataUsed() - (before === undefined ? 0 : Buffer.byteLength(before))
      if (used + Buffer.byteLength(o.data) > device.userDataBytes)
        throw fail('the maximum size of the file storage limit is exceeded', 1300202)
      device.files.set(p, o.data)
    }),
    unlink: fsApi('unlink', (o) => {
      const p = String(o.filePath)
      if (!device.files.delete(p)) throw fail(`no such file or directory, unlink "${p}"`, 1300002)
    }),
    readdir: fsApi('readdir', (o) => {
      const d = String(o.dirPath)
      if (!device.dirs.has(d)) throw fail(`no such file or directory "${d}"`, 1300002)
      const names = new Set<string>()
      for (const p of [...device.files.keys(), ...device.dirs]) if (parentOf(p) === d) names.add(p.slice(d.length + 1))
      return { files: [...names] }
    }),
    mkdir: fsApi('mkdir', (o) => {
      const d = String(o.dirPath)
      if (o.recursive) requireVersion('FileSystemManager.mkdir.recursive')
      if (!inUserData(d)) throw fail(`permission denied, open "${d}"`, 1300013)
      if (device.dirs.has(d)) throw fail(`file already exists "${d}"`, 1301005)
      if (!device.dirs.has(parentOf(d)) && !o.recursive) throw fail(`no such file or directory "${d}"`, 1300002)
      for (let p = d; inUserData(p) && !device.dirs.has(p); p = parentOf(p)) device.dirs.add(p)
    }),
    access: fsApi('access', (o) => {
      const p = String(o.path)
      if (!device.files.has(p) && !device.dirs.has(p)) throw fail(`no such file or directory "${p}"`, 1300002)
    })
  }

  // --- network ---------------------------------------------------------------------------------------------
  const request = (o: Opts) => {
    log.calls.push('request')
    const controller = new AbortController()
    const method = String(o.method ?? 'GET').toUpperCase()
    const given = new URL(String(o.url))
    // Any registered domain stands for the app's server; the test server listens on loopback.
    const url = new URL(given.pathname + given.search, device.server).toString()
    const done = (ok: boolean, r: Record<string, unknown>) => {
      log.requests.push({ method, url: given.pathname + given.search, ok })
      if (ok) o.success?.(r)
      else o.fail?.(r)
      o.complete?.(r)
    }
    host.timeout(() => {
      if (!device.isOnline()) {
        done(false, { errMsg: 'request:fail -2:net::ERR_INTERNET_DISCONNECTED' })
        return
      }
      concurrent++
      log.maxConcurrentRequests = Math.max(log.maxConcurrentRequests, concurrent)
      const headers: Record<string, string> = { ...(o.header as Record<string, string> | undefined) }
      let body: string | undefined
      if (o.data !== undefined && method !== 'GET') {
        body = typeof o.data === 'string' ? o.data : JSON.stringify(o.data)
        if (!Object.keys(headers).some((k) => k.toLowerCase() === 'content-type'))
          headers['content-type'] = 'application/json'
      }
      const timer = setTimeout(() => controller.abort(), Number(o.timeout ?? 60000))
      fetch(url, { method, headers, body, signal: controller.signal })
        .then(
          async (res) => {
            const text = await res.text()
            const header: Record<string, string> = {}
            res.headers.forEach((v, k) => {
              header[k] = v
            })
            let data: unknown = text
            if ((o.dataType ?? 'json') === 'json') {
              try {
                data = host.parseJson(text)
              } catch {
                /* stays text */
              }
            }
            done(true, { data, statusCode: res.status, header, errMsg: 'request:ok' })
          },
          (err: Error) => done(false, { errMsg: `request:fail ${controller.signal.aborted ? 'timeout' : err.message}` })
        )
        .finally(() => {
          clearTimeout(timer)
          concurrent--
        })
    }, 0)
    return {
      abort: () => controller.abort(),
      onHeadersReceived() {},
      offHeadersReceived() {},
      onChunkReceived() {},
      offChunkReceived() {}
    }
  }

  // --- system ----------------------------------------------------------------------------------------------
  const windowInfo = () => ({
    pixelRatio: 3,
    screenWidth: 375,
    screenHeight: 812,
    windowWidth: 375,
    windowHeight: 724,
    statusBarHeight: 44,
    safeArea: { left: 0, right: 375, top: 44, bottom: 778, width: 375, height: 734 },
    screenTop: 88
  })
  const appBaseInfo = () => ({
    SDKVersion: floor,
    enableDebug: false,
    host: { env: 'WeChat' },
    language: 'zh_CN',
    version: '8.0.50',
    theme: 'light',
    fontSizeSetting: Math.round(17 * device.fontSizeScaleFactor),
    fontSizeScaleFactor: device.fontSizeScaleFactor
  })
  const deviceInfo = () => ({
    brand: 'iPhone',
    model: 'iPhone 13',
    system: 'iOS 17.0',
    platform: 'ios',
    benchmarkLevel: 1,
    abi: 'arm64',
    deviceAbi: 'arm64',
    cpuType: 'apple'
  })
  const launchOptions = () => ({
    path: launch.path,
    query: { ...launch.query },
    scene: launch.scene,
    referrerInfo: launch.referrerInfo ?? {},
    apiCategory: singlePage ? 'browseOnly' : 'default'
  })

  // --- selector queries and observers (layout is a stand-in: the tests check what the app asks, not pixels) ----
  const createSelectorQuery = () => {
    const queue: Array<{ selector: string; all: boolean; cb?: (r: unknown) => void; kind: string }> = []
    const nodes = (selector: string, all: boolean) => {
      const add = (kind: string) => (cb?: (r: unknown) => void) => {
        queue.push({ selector, all, cb, kind })
        return query
      }
      return {
        boundingClientRect: add('rect'),
        scrollOffset: add('scroll'),
        fields: (_f: unknown, cb?: (r: unknown) => void) => add('rect')(cb),
        node: add('node'),
        context: add('node')
      }
    }
    const query = {
      in: () => query,
      select: (selector: string) => nodes(selector, false),
      selectAll: (selector: string) => nodes(selector, true),
      selectViewport: () => nodes('viewport', false),
      exec(cb?: (r: unknown[]) => void) {
        host.timeout(() => {
          const results = queue.map((q) => {
            const r =
              q.selector === 'viewport' || q.kind === 'scroll'
                ? { scrollTop: host.currentPage()?.scrollTop ?? 0, scrollLeft: 0, scrollHeight: 2000, scrollWidth: 375 }
                : host.rects(q.selector, q.all)
            q.cb?.(r)
            return r
          })
          cb?.(results)
        }, 0)
        return query
      }
    }
    return query
  }
  const createIntersectionObserver = () => {
    const observer = { relativeTo: () => observer, relativeToViewport: () => observer, observe() {}, disconnect() {} }
    return observer
  }

  const ui = (name: string, work: (o: Opts) => unknown = () => undefined) => asyncApi(name, work)

  // --- privacy (base library ≥ 2.32.3 with __usePrivacyCheck__) ----------------------------------------------
  // A privacy API called before the user agreed asks the app's onNeedPrivacyAuthorization listener and waits for
  // its resolve: agree runs the API (and WeChat remembers it), disagree fails it with errno 104. With no listener
  // WeChat would show its own popup; the fake then refuses, so a test sees the app did not ask.
  const PRIVATE_GUIDE = '《党史阅读小程序隐私保护指引》'
  const privacyChecked = compareVersions(API_SINCE.onNeedPrivacyAuthorization, floor) <= 0
  let privacyListener: ((resolve: (r: { event: string; buttonId?: string }) => void, e: object) => void) | null = null
  const authorize = (name: string): Promise<void> => {
    if (!privacyChecked || device.privacyAgreed) return Promise.resolve()
    const listener = privacyListener
    if (!listener) return Promise.reject(fail('privacy permission is not authorized', 104))
    return new Promise((resolve, reject) => {
      listener(
        (answer) => {
          log.privacyAnswers.push(answer)
          if (answer.event === 'agree') {
            device.privacyAgreed = true
            resolve()
          } else reject(fail('privacy permission is not authorized', 104))
        },
        { referrer: host.currentPage()?.route ?? '', api: name }
      )
    })
  }
  /** A privacy API (WeChat's list: clipboard, location, album, …): asks first, then does `work`. */
  const privateApi = (name: string, work: (o: Opts) => unknown = () => undefined) =>
    asyncApi(name, async (o) => {
      await authorize(name)
      return work(o)
    })

  const updateReadyCallbacks: Array<() => void> = []
  const updateManager = {
    onCheckForUpdate() {},
    onUpdateReady(cb: () => void) {
      updateReadyCallbacks.push(cb)
    },
    onUpdateFailed() {},
    applyUpdate() {
      log.calls.push('applyUpdate')
    }
  }

  const wx = {
    env: { USER_DATA_PATH },
    // storage
    setStorageSync: syncApi('setStorageSync', (key: string, data: unknown) => {
      syncThrow('setStorageSync', () => setStorage(key, data))
    }),
    getStorageSync: syncApi('getStorageSync', (key: string) => (storage.has(key) ? storage.get(key) : '')),
    removeStorageSync: syncApi('removeStorageSync', (key: string) => {
      storage.delete(key)
    }),
    clearStorageSync: syncApi('clearStorageSync', () => {
      storage.clear()
    }),
    getStorageInfoSync: syncApi('getStorageInfoSync', storageInfo),
    setStorage: asyncApi('setStorage', (o) => {
      setStorage(String(o.key), o.data)
    }),
    getStorage: asyncApi('getStorage', (o) => {
      if (!storage.has(String(o.key))) throw fail('data not found')
      return { data: storage.get(String(o.key)) }
    }),
    removeStorage: asyncApi('removeStorage', (o) => {
      storage.delete(String(o.key))
    }),
    clearStorage: asyncApi('clearStorage', () => {
      storage.clear()
    }),
    getStorageInfo: asyncApi('getStorageInfo', storageInfo),
    // files
    getFileSystemManager: syncApi('getFileSystemManager', () => fileSystemManager),
    // A file from a chat: the first of the phone's chat files with an allowed extension; none is a cancel.
    // A privacy API (选中的文件): asks first when the app declares __usePrivacyCheck__ and the floor has it.
    chooseMessageFile: privateApi('chooseMessageFile', (o) => {
      const allowed = (o.extension as string[] | undefined) ?? null
      const file = device.chatFiles.find((f) => !allowed || allowed.some((e) => f.name.endsWith(`.${e}`)))
      if (!file) throw fail('cancel')
      const path = `wxfile://tmp_${Date.now()}_${file.name}`
      device.files.set(path, file.text)
      return { tempFiles: [{ path, name: file.name, size: Buffer.byteLength(file.text), type: 'file', time: 0 }] }
    }),
    // network
    request,
    getNetworkType: asyncApi('getNetworkType', () => ({ networkType: device.isOnline() ? 'wifi' : 'none' })),
    onNetworkStatusChange: syncApi(
      'onNetworkStatusChange',
      (cb: (r: { isConnected: boolean; networkType: string }) => void) => {
        networkCallbacks.add(cb)
      }
    ),
    offNetworkStatusChange: syncApi(
      'offNetworkStatusChange',
      (cb?: (r: { isConnected: boolean; networkType: string }) => void) => {
        if (cb) networkCallbacks.delete(cb)
        else networkCallbacks.clear()
      }
    ),
    // sign-in: a code for this phone's user, single use, that the mock jscode2session accepts
    login: asyncApi('login', () => {
      log.logins++
      return { code: `mock-${device.user}~${Date.now()}-${++loginNonce}` }
    }),
    checkSession: asyncApi('checkSession', () => undefined),
    // share
    showShareMenu: asyncApi('showShareMenu', (o) => {
      log.shareMenus.push({ withShareTicket: o.withShareTicket, menus: o.menus })
    }),
    hideShareMenu: asyncApi('hideShareMenu'),
    updateShareMenu: asyncApi('updateShareMenu'),
    // system
    getSystemInfoSync: syncApi('getSystemInfoSync', () => ({ ...windowInfo(), ...deviceInfo(), ...appBaseInfo() })),
    getSystemInfo: asyncApi('getSystemInfo', () => ({ ...windowInfo(), ...deviceInfo(), ...appBaseInfo() })),
    getWindowInfo: syncApi('getWindowInfo', windowInfo),
    getAppBaseInfo: syncApi('getAppBaseInfo', appBaseInfo),
    getDeviceInfo: syncApi('getDeviceInfo', deviceInfo),
    getSystemSetting: syncApi('getSystemSetting', () => ({
      bluetoothEnabled: false,
      locationEnabled: false,
      wifiEnabled: true,
      deviceOrientation: 'portrait'
    })),
    getAccountInfoSync: syncApi('getAccountInfoSync', () => ({
      miniProgram: { appId: 'touristappid', envVersion: 'develop', version: '' }
    })),
    getMenuButtonBoundingClientRect: syncApi('getMenuButtonBoundingClientRect', () => ({
      width: 87,
      height: 32,
      top: 48,
      right: 368,
      bottom: 80,
      left: 281
    })),
    getLaunchOptionsSync: syncApi('getLaunchOptionsSync', launchOptions),
    getEnterOptionsSync: syncApi('getEnterOptionsSync', launchOptions),
    canIUse: syncApi('canIUse', (schema: string): boolean => {
      const name = String(schema).split('.')[0]
      const since = API_SINCE[name]
      return name in (wx as object) && (!since || compareVersions(since, floor) <= 0)
    }),
    getApiCategory: syncApi('getApiCategory', () => (singlePage ? 'browseOnly' : 'default')),
    getPrivacySetting: asyncApi('getPrivacySetting', () => ({
      needAuthorization: privacyChecked && !device.privacyAgreed,
      privacyContractName: PRIVATE_GUIDE
    })),
    onNeedPrivacyAuthorization: syncApi('onNeedPrivacyAuthorization', (listener: typeof privacyListener) => {
      privacyListener = listener
    }),
    openPrivacyContract: asyncApi('openPrivacyContract', () => {
      log.privacyContractsOpened++
    }),
    requirePrivacyAuthorize: asyncApi('requirePrivacyAuthorize', () => authorize('requirePrivacyAuthorize')),
    // One manager per launch, as in WeChat; `updateReady()` below is WeChat having downloaded a new version.
    getUpdateManager: syncApi('getUpdateManager', () => updateManager),
    onAppShow: syncApi('onAppShow', () => undefined),
    onAppHide: syncApi('onAppHide', () => undefined),
    offAppShow: syncApi('offAppShow', () => undefined),
    offAppHide: syncApi('offAppHide', () => undefined),
    onError: syncApi('onError', () => undefined),
    onUnhandledRejection: syncApi('onUnhandledRejection', () => undefined),
    onPageNotFound: syncApi('onPageNotFound', () => undefined),
    onThemeChange: syncApi('onThemeChange', () => undefined),
    onWindowResize: syncApi('onWindowResize', () => undefined),
    offWindowResize: syncApi('offWindowResize', () => undefined),
    nextTick: syncApi('nextTick', (fn: () => void) => {
      host.timeout(fn, 0)
    }),
    // navigation
    navigateTo: asyncApi('navigateTo', (o) => host.navigate('navigateTo', String(o.url))),
    redirectTo: asyncApi('redirectTo', (o) => host.navigate('redirectTo', String(o.url))),
    switchTab: asyncApi('switchTab', (o) => host.navigate('switchTab', String(o.url))),
    reLaunch: asyncApi('reLaunch', (o) => host.navigate('reLaunch', String(o.url))),
    navigateBack: asyncApi('navigateBack', (o) => host.navigateBack(Number(o.delta ?? 1))),
    // interface
    showToast: ui('showToast', (o) => {
      log.toasts.push({ title: String(o.title), icon: o.icon as string | undefined })
    }),
    hideToast: ui('hideToast'),
    showLoading: ui('showLoading'),
    hideLoading: ui('hideLoading'),
    showModal: ui('showModal', (o) => {
      log.modals.push({ title: String(o.title ?? ''), content: String(o.content ?? '') })
      return { confirm: true, cancel: false }
    }),
    showActionSheet: ui('showActionSheet', () => {
      throw fail('cancel')
    }),
    setNavigationBarTitle: ui('setNavigationBarTitle', (o) => {
      log.navigationBarTitles.push(String(o.title))
    }),
    setNavigationBarColor: ui('setNavigationBarColor'),
    setBackgroundColor: ui('setBackgroundColor'),
    setBackgroundTextStyle: ui('setBackgroundTextStyle'),
    stopPullDownRefresh: ui('stopPullDownRefresh', () => {
      const p = host.currentPage()
      if (p) p.pullDownRefreshStopped++
    }),
    startPullDownRefresh: ui('startPullDownRefresh'),
    pageScrollTo: ui('pageScrollTo', (o) => {
      const page = host.currentPage()
      if (!page) throw fail('no page')
      if (typeof o.scrollTop === 'number') page.scrollTop = o.scrollTop
      page.onPageScroll?.({ scrollTop: page.scrollTop })
    }),
    setClipboardData: privateApi('setClipboardData', (o) => {
      device.clipboard = String(o.data)
      log.toasts.push({ title: '内容已复制' })
    }),
    getClipboardData: privateApi('getClipboardData', () => ({ data: device.clipboard })),
    vibrateShort: ui('vibrateShort'),
    createSelectorQuery: syncApi('createSelectorQuery', createSelectorQuery),
    getBackgroundAudioManager: syncApi('getBackgroundAudioManager', () => manager),
    createIntersectionObserver: syncApi('createIntersectionObserver', createIntersectionObserver)
  }

  return {
    wx,
    log,
    backgroundAudio: audioControl,
    /** WeChat has downloaded a new version of the mini-program (UpdateManager.onUpdateReady). */
    updateReady() {
      for (const cb of updateReadyCallbacks) cb()
    },
    /** Stops callbacks into a killed mini-program. */
    dispose() {
      for (const u of unsubscribers) u()
      networkCallbacks.clear()
    }
  }
}

export type FakeWx = ReturnType<typeof createFakeWx>
