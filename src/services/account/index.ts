// The 账号与设备 instance. Only the account page (a subpackage on weapp) imports this module.
import { apiBase } from '../../platform/config'
import { http } from '../../platform/http'
import { login } from '../../platform/login'
import { kv } from '../../platform/kv'
import { progressStore, sessionStore } from '../../stores'
import { services } from '..'
import { createAccountManagement, createAccountManagementApi } from './manage'
import { signOutOfDevice } from './sign-out'

export const accountManagement = createAccountManagement(
  createAccountManagementApi(http, apiBase, () => sessionStore.getState().token),
  login,
  sessionStore
)

/** 退出登录 on a shared device: nothing of the member stays (./sign-out). */
export const signOut = () =>
  signOutOfDevice({ sync: services.sync, account: services.account, progress: progressStore, kv })
