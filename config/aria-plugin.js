// A Taro plugin: adds the aria attributes of ./aria-attributes.js to the weapp templates and to the runtime.
const path = require('node:path')
const { components } = require('./aria-attributes')

module.exports = (ctx) => {
  ctx.registerMethod({
    name: 'onSetupClose',
    fn(platform) {
      if (platform.platformType !== 'mini' || !platform.template) return
      platform.template.mergeComponents(ctx, components)
      const runtime = Array.isArray(platform.runtimePath) ? platform.runtimePath : [platform.runtimePath]
      platform.runtimePath = [...runtime, path.resolve(__dirname, 'aria-runtime.js')]
    }
  })
}
