// The app's real server (server/app.ts) on loopback, with the sample issue and the mock jscode2session, as the
// server's own tests start it: the fake wx.request talks to it over HTTP.
import { shippedBanks } from '../../../server/services/quiz'
import { tempDir, testEnv, writeCurrentCampaign, type TestEnv } from '../../../server/test-support'

export interface WeappServer {
  url: string
  env: TestEnv
  /** Publishes an issue from its text (as organizers do); returns its id. */
  publish(text: string, file: string): Promise<string>
  close(): Promise<void>
}

export async function startServer(): Promise<WeappServer> {
  // The shipped question bank too, as `npm start` loads it (its 出处 quote the sample issue), and the real clock:
  // the phone's clock is the real one, and a quiz deadline on a fake server clock would already have passed.
  // A campaign whose window includes today (the shipped one, 2020, has ended and would close the 百题竞答).
  const campaigns = tempDir('dangshi-campaigns-')
  writeCurrentCampaign(campaigns.path)
  const env = await testEnv({ quizBanks: shippedBanks(), now: () => Date.now(), campaignsDir: campaigns.path })
  const address = await env.app.listen({ port: 0, host: '127.0.0.1' })
  return {
    url: address,
    env,
    publish: async (text, file) => (await env.app.services.content.publishText(text, file)).id,
    close: async () => {
      await env.close()
      campaigns.remove()
    }
  }
}
