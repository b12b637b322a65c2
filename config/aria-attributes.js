// The mini-program accessibility attributes (aria-role, aria-label, …) that WeChat's screen reader reads. Taro's
// weapp templates only emit the attributes listed for each component, and these are not listed, so without this a
// View's aria-label never reaches base.wxml. The same list must be merged at build time (the templates) and at run
// time (the attribute aliases Taro's setData uses), in the same order, so both number them alike.
const ARIA = "''"

/** Per component, the aria attributes emitted (WeChat documents them under 无障碍访问). */
const components = {
  View: {
    'aria-role': ARIA,
    'aria-label': ARIA,
    'aria-selected': ARIA,
    'aria-disabled': ARIA,
    'aria-hidden': ARIA
  },
  Text: { 'aria-role': ARIA, 'aria-label': ARIA, 'aria-hidden': ARIA },
  Button: { 'aria-label': ARIA }
}

module.exports = { components }
