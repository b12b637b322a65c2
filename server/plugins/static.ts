import fastifyStatic from '@fastify/static'
import type { FastifyReply, FastifyPluginAsync } from 'fastify'
import fp from 'fastify-plugin'

/** Long-lived caching only for content-hashed files; the shell and service worker must always revalidate. */
function cacheControl(reply: { setHeader(name: string, value: string): unknown }, file: string): void {
  const hashed = /[.-][0-9a-f]{8,}\.(js|css|png|jpe?g|svg|webp|woff2?)$/i.test(file)
  reply.setHeader('Cache-Control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache')
}

/** Serves the H5 build at /. Registered last so every /api route wins over the wildcard. */
const serveH5: FastifyPluginAsync<{ root: string }> = async (app, opts) => {
  await app.register(fastifyStatic, {
    root: opts.root,
    prefix: '/',
    cacheControl: false,
    setHeaders: (res, file) => cacheControl(res, file),
    // Files like .env or .git in the build folder are never served.
    dotfiles: 'deny'
  })
}

export const staticPlugin = fp(serveH5, { name: 'static', dependencies: ['errors'] })

/** The not-found fallback that makes browser-history routes load the app shell. */
export function sendIndexHtml(_req: unknown, reply: FastifyReply): FastifyReply {
  return reply.header('Cache-Control', 'no-cache').sendFile('index.html')
}
