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
        // iOS): async functions, classes and destructuring are native from iOS 10.3, so they are not rewritten into
        // ES5 (regenerator state machines and class helpers were a fifth of the main package). H5 keeps package.json's
        // browserslist.
        ...(process.env.TARO_ENV === 'weapp' ? { targets: { ios: '10.3' } } : {})
      }
    ]
  ]
}
