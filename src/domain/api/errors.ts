import type { Static } from '@sinclair/typebox'
import { Type } from './type'

/** Body of every 4xx/5xx answer of the API. `error` is a stable machine code, `message` a sentence for people. */
export const ErrorBodySchema = Type.Object({
  error: Type.String({ description: 'stable machine code, one of ErrorCode' }),
  message: Type.String()
})
export type ErrorBody = Static<typeof ErrorBodySchema>

/**
 * Every machine code the server answers with, and the sentence the app shows for it. Codes are stable: clients
 * switch on them, so a code is never renamed, only added.
 */
export const ERROR_SENTENCES = {
  bad_request: '请求有误，请检查后重试',
  unauthorized: '登录已失效，请重新登录',
  session_expired: '登录已过期，请重新登录',
  forbidden: '没有权限执行此操作',
  not_found: '没有找到要访问的内容',
  method_not_allowed: '请求有误，请检查后重试',
  not_acceptable: '请求有误，请检查后重试',
  request_timeout: '请求超时，请稍后再试',
  conflict: '操作冲突，请刷新后重试',
  payload_too_large: '提交的内容过大',
  uri_too_long: '请求有误，请检查后重试',
  unsupported_media_type: '请求有误，请检查后重试',
  rate_limited: '操作太频繁，请稍后再试',
  headers_too_large: '请求有误，请检查后重试',
  internal: '服务器暂时不可用，请稍后再试',
  storage_full: '服务器存储空间已满，请稍后再试',
  invalid_code: '微信登录未成功，请重试',
  wechat_blocked: '微信拒绝了此次登录，请稍后再试',
  wechat_unavailable: '暂时无法连接微信，请稍后再试',
  invalid_pairing_code: '配对码无效或已过期，请在另一台设备上重新生成',
  invalid_display_name: '名字需为 1–20 个字',
  invalid_device_name: '设备名称需为 1–40 个字，且不能含不可见字符',
  unknown_device: '没有找到这台设备，可能已经退出',
  unknown_join_code: '没有找到这个组织，请核对加入码',
  join_code_locked: '加入码错误次数过多，请稍后再试',
  foreign_client: '这台设备的同步记录属于另一位党员，请重新登录后再同步',
  unknown_bank: '没有找到这个题库',
  bank_not_for_contest: '这个题库只用于练习，不能参加计分竞答',
  bank_not_for_practice: '这个题库只用于计分竞答，交卷前不能练习',
  unknown_attempt: '没有找到这次答题记录',
  not_in_org: '你还没有加入党组织，请先在「我的 → 账号与设备」中用加入码加入',
  not_org_admin: '只有本组织的管理员可以查看成员明细和导出',
  not_org_member: '这位党员不在你的组织中',
  contest_closed: '百题竞答不在活动时间内，现在只能练习',
  issue_refused: '这个文件无法导入为一期简报',
  unknown_draft: '预览已过期或不存在，请重新上传文件',
  draft_mismatch: '要发布的文件与预览的不一致，请重新上传文件',
  issue_exists: '已有同名的一期简报，确认替换后才能发布'
} as const

/** A code the server may put in ErrorBody.error. */
export type ErrorCode = keyof typeof ERROR_SENTENCES

/** Codes the app itself gives when no usable answer arrived. */
export const CLIENT_ERROR_SENTENCES = {
  /** The request never reached the server (offline, DNS, timeout). */
  network: '网络不可用，请连接网络后重试',
  /** The server answered, but not with the shape this app version expects. */
  bad_response: '服务器返回的数据无法识别，请稍后再试或更新小程序'
} as const
export type ClientErrorCode = keyof typeof CLIENT_ERROR_SENTENCES

/** The sentence to show for an error code (server or client); unknown codes fall back by status. */
export function errorSentence(code: string, status: number): string {
  if (Object.prototype.hasOwnProperty.call(ERROR_SENTENCES, code)) return ERROR_SENTENCES[code as ErrorCode]
  if (Object.prototype.hasOwnProperty.call(CLIENT_ERROR_SENTENCES, code))
    return CLIENT_ERROR_SENTENCES[code as ClientErrorCode]
  return status >= 500 ? ERROR_SENTENCES.internal : '请求未成功，请检查后重试'
}
