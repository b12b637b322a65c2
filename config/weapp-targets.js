// The oldest engines the weapp build runs on. The app's base library floor is 2.30.4 (README, project.config.json);
// WeChat's own table (github.com/wechat-miniprogram/miniprogram-compat, data/browserslist.json) gives iOS 13 and
// Chrome 86 from base library 2.30.0 on: JavaScriptCore of iOS 13 and V8 of Chrome 86 run the logic layer, and the
// same WebKit and Chromium render the pages. Babel (babel.config.js) and autoprefixer (config/index.ts) read this.
module.exports = { ios: '13', chrome: '86' }
