import type { FastifyPluginAsync } from 'fastify'

/**
 * Marks a plugin as non-encapsulated, so its hooks and decorators reach the whole app — what fastify-plugin
 * does, without depending on a package that package.json does not list.
 */
export function global<T extends Record<string, unknown>>(name: string, fn: FastifyPluginAsync<T>): FastifyPluginAsync<T> {
  const marked = fn as FastifyPluginAsync<T> & Record<symbol, unknown>
  marked[Symbol.for('skip-override')] = true
  marked[Symbol.for('fastify.display-name')] = name
  return marked
}
