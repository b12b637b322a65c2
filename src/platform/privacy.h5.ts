import type { Privacy } from './privacy.types'

export type { Privacy, PrivacyRequest } from './privacy.types'

async function copy(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text)
    return true
  } catch {
    return false
  }
}

/** The browser has no privacy agreement of its own; docs/privacy.md is the statement for H5 too. */
export const privacy: Privacy = {
  supported: false,
  onNeedAuthorization: () => undefined,
  setting: async () => ({ needAuthorization: false, contractName: '' }),
  openContract: async () => undefined,
  copy
}
