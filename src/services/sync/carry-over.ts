import { articleKey, listenKey, type Facts } from '../../domain/sync/facts'
import type { MutationArgsOf, MutationName } from '../../domain/sync/mutations'

type AnyArgs = { [N in MutationName]: { name: N; args: MutationArgsOf<N> } }[MutationName]

/** Every fact as the mutation that would make it, to carry a device's progress over to another member. */
export function factsToMutationArgs(f: Facts): AnyArgs[] {
  const out: AnyArgs[] = []
  for (const r of Object.values(f.reads))
    out.push({ name: 'markRead', args: { issueId: r.issueId, articleId: r.articleId, at: r.readAt } })
  for (const [key, s] of Object.entries(f.sessions)) {
    const sessionId = key.slice(articleKey(s.issueId, s.articleId).length + 1)
    out.push({
      name: 'readingSession',
      args: { issueId: s.issueId, articleId: s.articleId, sessionId, ms: s.ms, at: s.at }
    })
  }
  for (const p of Object.values(f.positions))
    out.push({
      name: 'setPosition',
      args: { issueId: p.issueId, articleId: p.articleId, position: p.position, hlc: p.hlc }
    })
  for (const [shareId, s] of Object.entries(f.shares))
    out.push({
      name: 'share',
      args: { issueId: s.issueId, articleId: s.articleId, shareId, channel: s.channel, at: s.at }
    })
  for (const [answerId, a] of Object.entries(f.answers))
    out.push({
      name: 'answer',
      args: { answerId, bankId: a.bankId, questionId: a.questionId, answer: a.answer, at: a.at }
    })
  for (const b of Object.values(f.books))
    out.push({ name: 'markBookRead', args: { campaignId: b.campaignId, bookId: b.bookId, at: b.at } })
  for (const l of Object.values(f.lectures))
    out.push({ name: 'attendLecture', args: { campaignId: l.campaignId, lectureId: l.lectureId, at: l.at } })
  for (const [talkId, t] of Object.entries(f.talks))
    out.push({ name: 'recordTalk', args: { campaignId: t.campaignId, talkId, title: t.title, on: t.on, at: t.at } })
  for (const [key, l] of Object.entries(f.listens ?? {})) {
    const sessionId = key.slice(listenKey(l.kind, l.parentId, l.itemId, l.mode, '').length)
    if (l.kind === 'article')
      out.push({
        name: 'listenArticle',
        args: { issueId: l.parentId, articleId: l.itemId, sessionId, mode: l.mode, seconds: l.seconds, at: l.at }
      })
    else
      out.push({
        name: 'listenLecture',
        args: { campaignId: l.parentId, lectureId: l.itemId, sessionId, seconds: l.seconds, at: l.at }
      })
  }
  return out
}
