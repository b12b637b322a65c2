/** The oldest engines the weapp build runs on (config/weapp-targets.js). */
declare const targets: { ios: string; chrome: string }
export default targets
