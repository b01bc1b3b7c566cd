import { defineConfig } from 'wxt';
import { DEFAULT_MATCHES } from './utils/portals';

// Rendered from public/icon/icon.svg by `npm run icons`.
const ICONS = { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' };

export default defineConfig({
  imports: false, // explicit imports keep each module's dependencies visible
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  manifest: {
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'vi',
    icons: ICONS,
    action: { default_title: '__MSG_extName__', default_icon: ICONS },
    permissions: ['storage', 'unlimitedStorage', 'scripting'],
    host_permissions: DEFAULT_MATCHES,
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    browser_specific_settings: {
      gecko: {
        id: 'kiem-dem-tthc@langson.gov.vn',
        data_collection_permissions: { required: ['none'] },
      },
    },
  },
});
