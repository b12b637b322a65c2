import { HttpError } from '../errors'
import type { Store } from '../db/repos'
import { MY_DATA_ITEM_LIMIT, type FactGroups, type MyDataReply } from '../../src/domain/api/privacy'
import type { QuizResult } from '../../src/domain/api/quiz'

/**
 * GET /api/me/data: everything the server stores about one member, read for that member only (the id comes from
 * the caller's session). Secrets the server keeps hashed (token and pairing-code hashes) are left out; they say
 * nothing about the member and must never leave the database.
 */
export class MyDataService {
  constructor(
    private readonly store: Store,
    private readonly now: () => number
  ) {}

  async export(memberId: string, currentSessionId: string): Promise<MyDataReply> {
    const { accounts, orgs, sync, quiz } = this.store
    const member = await accounts.getMember(memberId)
    if (member === null) throw new HttpError(401, 'unauthorized', 'This account no longer exists')
    const org = member.orgId === null ? null : await orgs.get(member.orgId)
    const [sessions, wechat, syncData, attempts] = await Promise.all([
      accounts.listAllSessions(memberId),
      accounts.listWechat(memberId),
      sync.memberData(memberId, MY_DATA_ITEM_LIMIT),
      quiz.listForMember(memberId)
    ])
    return {
      generatedAt: this.now(),
      member: { id: member.id, displayName: member.displayName, createdAt: member.createdAt },
      wechat: wechat.map((w) => ({ openid: w.openid, unionid: w.unionid, linkedAt: w.createdAt })),
      org: org === null ? null : { id: org.id, name: org.name },
      devices: sessions.map((s) => ({
        id: s.id,
        name: s.deviceName,
        kind: s.kind,
        createdAt: s.createdAt,
        revokedAt: s.revokedAt ?? null,
        current: s.id === currentSessionId
      })),
      sync: {
        clients: syncData.clients,
        mutations: syncData.mutations,
        // Stored facts passed the push's schema check; the reply schema serializes them again on the way out.
        facts: syncData.facts as FactGroups
      },
      quiz: attempts.map((a) => {
        const result = a.resultJson === null ? null : (JSON.parse(a.resultJson) as QuizResult)
        const given = a.answersJson === null ? {} : (JSON.parse(a.answersJson) as Record<string, string[]>)
        return {
          id: a.id,
          bankId: a.bankId,
          startedAt: a.startedAt,
          deadline: a.deadline,
          submittedAt: a.submittedAt,
          total: result?.total ?? null,
          max: result?.max ?? null,
          answers: Object.entries(given).map(([questionId, answer]) => ({ questionId, answer }))
        }
      })
    }
  }
}
