import { useEffect, useState } from 'react'

/**
 * How many of `total` items to render: `step` at first, then `step` more each frame, so that a long article
 * appears in pieces instead of freezing the page (and each weapp setData stays small).
 */
export function useProgressiveCount(total: number, step: number): number {
  const [shown, setShown] = useState(step)
  useEffect(() => {
    if (shown >= total) return
    const t = setTimeout(() => setShown((n) => n + step), 16)
    return () => clearTimeout(t)
  }, [shown, total, step])
  return Math.min(shown, total)
}
