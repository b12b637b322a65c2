import fastifyStatic from '@fastify/static'
import type { FastifyPluginAsync } from 'fastify'
import fp from 'fastify-plugin'
import { AUDIO_URL_PREFIX } from '../../src/domain/publish/audio'

/** Only content-addressed names (`<sha256>.<ext>`, as npm run publish writes them) are served. */
const AUDIO_NAME = /^\/?[0-9a-f]{64}\.(?:mp3|m4a|aac|wav)$/

/**
 * Serves attached audio (听) at /media/audio/<sha256>.<ext> from the audio folder: byte ranges (206) so players can
 * seek and resume, and cached for good, since a name is its content's hash and never changes meaning.
 */
const serveAudio: FastifyPluginAsync<{ root: string }> = async (app, opts) => {
  await app.register(fastifyStatic, {
    root: opts.root,
    prefix: AUDIO_URL_PREFIX,
    decorateReply: false,
    acceptRanges: true,
    cacheControl: false,
    etag: true,
    lastModified: true,
    dotfiles: 'deny',
    index: false,
    allowedPath: (pathName) => AUDIO_NAME.test(pathName),
    setHeaders: (res) => {
      res.setHeader('Cache-Control', 'public, max-age=31536000, immutable')
    }
  })
}

export const audioPlugin = fp(serveAudio, { name: 'audio', dependencies: ['errors'] })
