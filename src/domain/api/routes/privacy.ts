import { route } from '../route'
import { MyDataReplySchema } from '../privacy'

/** 我的数据: everything the server stores about the member (pages/privacy). */
export const PRIVACY_ROUTES = {
  myData: route({
    method: 'GET',
    path: '/api/me/data',
    body: null,
    reply: MyDataReplySchema,
    errors: [401],
    auth: true
  })
} as const
