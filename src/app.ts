import { type PropsWithChildren } from 'react'
import { useLaunch } from '@tarojs/taro'
import './app.css'

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    // Stores restore synchronously from platform storage on import; nothing to await here.
  })
  return children
}

export default App
