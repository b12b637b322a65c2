import type { Privacy } from './privacy.types'

export type { Privacy, PrivacyRequest } from './privacy.types'
export const privacy: Privacy = {
  supported: false,
  onNeedAuthorization: () => undefined,
  setting: async () => ({ needAuthorization: false, contractName: '' }),
  openContract: async () => undefined,
  copy: async () => false
}
