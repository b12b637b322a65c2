// Bundled into the weapp app (after the platform's runtime): the same aria attributes as the templates, so Taro
// maps a View's aria-label to the template's attribute alias.
import { mergeInternalComponents } from '@tarojs/shared'
import { components } from './aria-attributes'

mergeInternalComponents(components)
