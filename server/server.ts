import { buildApp, type AppOptions } from './app'
import { configFromEnv } from './config'
import type { App } from './types'

/** A listening server and how to stop it. */
export interface RunningServer {
  app: App
  url: string
  close(): Promise<void>
}

/** Builds the app and listens; the caller decides about signals (see closeOnSignals). */
export async function startServer(app: AppOptions, listen: { host: string; port: number }): Promise<RunningServer> {
  const instance = await buildApp(app)
  try {
    await instance.listen({ host: listen.host, port: listen.port })
  } catch (err) {
    await instance.close()
    throw err
  }
  const address = instance.server.address()
  const port = typeof address === 'object' && address !== null ? address.port : listen.port
  const host = listen.host.includes(':') ? `[${listen.host}]` : listen.host
  return { app: instance, url: `http://${host}:${port}/`, close: () => instance.close() }
}

/**
 * On SIGINT/SIGTERM: stop accepting connections, let in-flight requests finish, close the database, then run
 * `extra` (e.g. the mock WeChat server) and exit. A second signal, or 10 s without finishing, forces the exit.
 */
export function closeOnSignals(server: RunningServer, extra: () => Promise<void> = async () => {}): void {
  let closing = false
  const shutdown = (signal: NodeJS.Signals): void => {
    if (closing) process.exit(1)
    closing = true
    server.app.log.info({ signal }, 'shutting down')
    setTimeout(() => process.exit(1), 10_000).unref()
    server
      .close()
      .then(extra)
      .then(
        () => process.exit(0),
        (err: unknown) => {
          console.error(err)
          process.exit(1)
        }
      )
  }
  process.on('SIGINT', shutdown)
  process.on('SIGTERM', shutdown)
}

// `tsx server/server.ts` runs the API alone with the environment's settings (no builds, no mock WeChat).
if (process.argv[1] !== undefined && /server[\\/]server\.ts$/.test(process.argv[1])) {
  const config = configFromEnv()
  startServer(config.app, config).then(
    (server) => {
      closeOnSignals(server)
      console.log(`党史阅读 server at ${server.url}`)
    },
    (err: unknown) => {
      console.error(err)
      process.exit(1)
    }
  )
}
