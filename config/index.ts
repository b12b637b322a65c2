import { resolve } from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import devConfig from './dev'
import weappTargets from './weapp-targets'
import prodConfig from './prod'

// The API base URL is fixed at build time: the weapp cannot read a same-origin URL the way H5 does.
const apiBase = process.env.API_BASE_URL ?? (process.env.TARO_ENV === 'h5' ? '' : 'http://127.0.0.1:8080')

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'dangshi-reader',
    date: '2026-11-29',
    designWidth: 375,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: `dist/${process.env.TARO_ENV}`,
    // Adds the aria-* attributes to the weapp templates (WeChat's screen reader reads them); H5 needs nothing.
    plugins: [resolve(__dirname, 'aria-plugin.js')],
    defineConstants: {
      API_BASE_URL: JSON.stringify(apiBase),
      // Read-aloud on weapp through WeChat's 同声传译 plugin, only where the deployment added it (README, 听).
      LISTEN_WECHATSI: JSON.stringify(process.env.LISTEN_WECHATSI === '1')
    },
    copy: {
      // Share cards are referenced by path from onShareAppMessage/onShareTimeline, so they are copied, not bundled;
      // under the article page's own folder, they are in its subpackage on weapp.
      patterns: [{ from: 'src/pages/article/share/', to: `dist/${process.env.TARO_ENV}/pages/article/share/` }],
      options: {}
    },
    // Chinese text as UTF-8 (the files are UTF-8, as WeChat requires) instead of \uXXXX escapes, twice the bytes.
    terser: { enable: true, config: { output: { ascii_only: false } } },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    mini: {
      postcss: {
        // Prefixes only for the engines the weapp runs on (config/weapp-targets.js), not package.json's old browsers.
        autoprefixer: {
          enable: true,
          config: { overrideBrowserslist: Object.entries(weappTargets).map(([name, v]) => `${name} >= ${v}`) }
        },
        pxtransform: { enable: true, config: {} },
        cssModules: {
          enable: false,
          config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' }
        }
      }
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      output: { filename: 'js/[name].[contenthash:8].js', chunkFilename: 'js/[name].[contenthash:8].js' },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css'
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        pxtransform: { enable: true, config: {} },
        cssModules: {
          enable: false,
          config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' }
        }
      }
    }
  }
  if (process.env.NODE_ENV === 'development') return merge({}, baseConfig, devConfig)
  return merge({}, baseConfig, prodConfig)
})
