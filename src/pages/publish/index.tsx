// 发布简报 (organization admins): choose an issue file (.txt, Word or PDF), see it as members will, with every
// warning next to its line, then 发布 or 取消. Nothing is published before 发布; a refused file changes nothing.
import { useEffect, useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Action } from '../../components/Action'
import { PREVIEW_MAX_BYTES, type PreviewReply } from '../../domain/api/publish'
import { formatChineseDate } from '../../domain/format'
import { isIssueId, issueIdFromFileName } from '../../domain/publish/issue-id'
import { libraryPath } from '../../domain/routes'
import { filePicker, type PickedFile } from '../../platform/pick-file'
import { ApiError } from '../../services/api/client'
import { publishApi } from '../../services/publish'
import { useSession } from '../../stores'
import { PrivacyPrompt } from '../privacy-prompt'
import { useThemeClass } from '../theme'
import { IssuePreview, WarningList } from './preview'
import './index.css'

const KINDS = ['txt', 'docx', 'pdf'] as const

type Access = 'loading' | 'admin' | 'refused' | 'signed-out' | 'error'

/** The sentence to show: the server's own for a refused file (it names the line), the app's for the rest. */
const messageOf = (err: unknown) => {
  if (err instanceof ApiError) return err.code === 'issue_refused' ? `${err.message}：${err.detail}` : err.message
  return '操作未成功，请稍后再试'
}

export default function PublishPage() {
  const theme = useThemeClass()
  const [access, setAccess] = useState<Access>('loading')
  const [file, setFile] = useState<PickedFile | null>(null)
  const [id, setId] = useState('')
  const [preview, setPreview] = useState<PreviewReply | null>(null)
  const [published, setPublished] = useState<{ title: string; replaced: boolean } | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const token = useSession((s) => s.token)
  // Again whenever the session changes: on weapp the page may open before wx.login has finished.
  useEffect(() => {
    if (token === null) {
      setAccess('signed-out')
      return
    }
    publishApi.myOrg().then(
      (mine) => setAccess(mine.admin ? 'admin' : 'refused'),
      (err: unknown) => {
        if (err instanceof ApiError && (err.status === 401 || err.code === 'not_in_org'))
          setAccess(err.status === 401 ? 'signed-out' : 'refused')
        else {
          setAccess('error')
          setError(messageOf(err))
        }
      }
    )
  }, [token])

  const run = async (work: () => Promise<void>) => {
    if (busy) return
    setBusy(true)
    setError(null)
    try {
      await work()
    } catch (err) {
      setError(messageOf(err))
    } finally {
      setBusy(false)
    }
  }

  const upload = (picked: PickedFile, chosenId: string | undefined) =>
    run(async () => {
      setPreview(await publishApi.preview({ fileName: picked.name, data: picked.base64, id: chosenId }))
    })

  const pick = async () => {
    if (busy) return
    const outcome = await filePicker.pick(KINDS, PREVIEW_MAX_BYTES)
    if (!outcome.ok) {
      if (!outcome.cancelled) setError(outcome.message)
      return
    }
    setError(null)
    setPreview(null)
    setPublished(null)
    setFile(outcome.file)
    const stem = issueIdFromFileName(outcome.file.name)
    // A file named in Chinese cannot name the issue: the admin gives an id first.
    if (isIssueId(stem)) {
      setId(stem)
      await upload(outcome.file, undefined)
    } else setId('')
  }

  const confirm = async () => {
    if (!preview) return
    let replace = false
    if (preview.existing) {
      const { confirm: ok } = await Taro.showModal({
        title: '替换已发布的一期',
        content: `「${preview.issue.id}」已发布（${preview.existing.title} 第${preview.existing.number}期）。发布后党员将看到新的版本。`,
        confirmText: '替换'
      })
      if (!ok) return
      replace = true
    }
    await run(async () => {
      const done = await publishApi.confirm({ token: preview.draft.token, sha256: preview.draft.sha256, replace })
      setPublished({ title: `${preview.issue.title} 第${preview.issue.number}期`, replaced: done.replaced })
      setPreview(null)
      setFile(null)
    })
  }

  const cancel = () =>
    run(async () => {
      if (preview) await publishApi.cancel(preview.draft.token).catch(() => undefined)
      setPreview(null)
      setFile(null)
    })

  const needsId = file !== null && preview === null && !isIssueId(issueIdFromFileName(file.name))

  return (
    <View className={`screen ${theme}`}>
      <View className="page-pad publish-page" data-testid="publish-page">
        <Text className="h1">发布简报</Text>
        {access === 'loading' ? <Text className="muted">正在确认权限…</Text> : null}
        {access === 'signed-out' || access === 'refused' ? (
          <View className="notice" data-testid="publish-refused">
            <Text>
              {access === 'signed-out'
                ? '请先在「我的」中登录。发布简报仅对组织管理员开放。'
                : '只有组织管理员可以发布简报。如需发布，请联系本组织的管理员。'}
            </Text>
          </View>
        ) : null}
        {error ? (
          <View className="notice" data-testid="publish-error">
            <Text>{error}</Text>
          </View>
        ) : null}
        {access === 'admin' && !preview ? (
          <View className="publish-start">
            {published ? (
              <View className="publish-ok" data-testid="publish-done">
                <Text>
                  已{published.replaced ? '替换并' : ''}发布《{published.title}》，党员在书架上即可看到。
                </Text>
                <Action
                  className="publish-link"
                  label="去书架查看"
                  onPress={() => void Taro.switchTab({ url: libraryPath() })}
                >
                  去书架查看
                </Action>
              </View>
            ) : null}
            <Text className="muted publish-intro">
              上传简报的 Word（.docx）、PDF
              或文本（.txt）文件。发布前先预览：看到的就是党员将看到的样子，需要核对的行会逐一列出。
              {process.env.TARO_ENV === 'weapp' ? '请先把文件发到微信聊天（如「文件传输助手」），再从聊天中选择。' : ''}
            </Text>
            <Action className="btn publish-pick" testId="publish-pick" disabled={busy} onPress={() => void pick()}>
              {busy ? '正在读取…' : filePicker.label}
            </Action>
            {needsId && file ? (
              <View className="publish-id">
                <Text className="muted">
                  文件名「{file.name}」含有中文或符号，请填写这一期的标识（字母、数字和 - _），如 dangshi-2020-02：
                </Text>
                <Input
                  className="publish-id__input"
                  data-testid="publish-id"
                  value={id}
                  maxlength={100}
                  placeholder="期刊标识"
                  onInput={(e) => setId(e.detail.value.trim())}
                />
                <Action
                  className="btn"
                  testId="publish-id-submit"
                  disabled={!isIssueId(id) || busy}
                  onPress={() => void upload(file, id)}
                >
                  预览
                </Action>
              </View>
            ) : null}
          </View>
        ) : null}
        {access === 'admin' && preview ? (
          <View data-testid="publish-preview">
            {preview.existing ? (
              <View className="notice" data-testid="publish-existing">
                <Text>
                  已有标识为「{preview.issue.id}」的一期（{preview.existing.title} 第{preview.existing.number}期，
                  {formatChineseDate(preview.existing.publishedOn)}）
                  {preview.existing.same ? '，内容与这个文件相同' : ''}。发布将替换它。
                </Text>
              </View>
            ) : null}
            <WarningList warnings={preview.warnings} />
            <IssuePreview issue={preview.issue} />
            <View className="publish-actions">
              <Action className="btn ghost" testId="publish-cancel" disabled={busy} onPress={() => void cancel()}>
                取消
              </Action>
              <Action className="btn" testId="publish-confirm" disabled={busy} onPress={() => void confirm()}>
                {preview.existing ? '替换并发布' : '确认发布'}
              </Action>
            </View>
          </View>
        ) : null}
      </View>
      {/* The file comes from wx.chooseMessageFile, a privacy API: WeChat asks through this popup first. */}
      <PrivacyPrompt />
    </View>
  )
}
