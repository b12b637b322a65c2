// babel-preset-taro options: https://docs.taro.zone/docs/next/babel-config
module.exports = {
  presets: [
    [
      'taro',
      {
        framework: 'react',
        ts: true,
        compiler: 'webpack5',
        useBuiltIns: process.env.TARO_ENV === 'h5' ? 'usage' : false,
        // The mini-program's logic layer runs in WeChat's own JavaScript engine (V8 on Android, JavaScriptCore on
        // iOS), at least the versions of config/weapp-targets.js: syntax those have natively is not rewritten into
        // ES5 (regenerator state machines, class and object-spread helpers were a fifth of the main package). H5
        // keeps package.json's browserslist.
        ...(process.env.TARO_ENV === 'weapp' ? { targets: require('./config/weapp-targets.js') } : {})
      }
    ]
  ]
}
