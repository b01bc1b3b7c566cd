import { defineConfig } from 'wxt';

// Default portals: Lạng Sơn's one-stop system and the national portal. Others are
// added at runtime from the options page (optional host permissions).
export const DEFAULT_MATCHES = ['*://*.langson.gov.vn/*', '*://dichvucong.gov.vn/*'];

export default defineConfig({
  imports: false, // explicit imports keep each module's dependencies visible
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  manifest: {
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'vi',
    action: { default_title: '__MSG_extName__' },
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
