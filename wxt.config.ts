import { fileURLToPath } from 'node:url';
import { defineConfig } from 'wxt';
import type { Alias } from 'vite';
import { DEFAULT_MATCHES } from './utils/portals';

// Rendered from public/icon/icon.svg by `npm run icons`.
const ICONS = { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' };

export default defineConfig({
  imports: false, // explicit imports keep each module's dependencies visible
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  hooks: {
    // The content script is parsed in every frame of every portal page, so it carries no
    // polyfill (the native `browser`/`chrome` of MV3 returns promises) and no zod: building a
    // zod schema has no side effect, so the schemas of shared modules that it does not use
    // are dropped (the worker parses every message with zod anyway).
    'vite:build:extendConfig': (entrypoints, config) => {
      // KIEM_DEM_PROFILE=1: readable function names in CPU profiles (the bench's `prof` helper).
      if (process.env.KIEM_DEM_PROFILE === '1') config.build = { ...config.build, minify: false };
      // The popup's preload script runs before the popup's code on every open, the detail
      // export's worker on every export: as lean.
      const lean = new Set(['popup-preload', 'detail-export']);
      if (!entrypoints.every((e) => e.type === 'content-script' || lean.has(e.name))) return;
      const treeshake = { manualPureFunctions: ['z'] };
      const build = config.build ?? {};
      config.build = { ...build, rollupOptions: { ...build.rollupOptions, treeshake }, rolldownOptions: { ...build.rolldownOptions, treeshake } };
      const alias = config.resolve?.alias;
      const list: Alias[] = Array.isArray(alias) ? [...alias] : Object.entries(alias ?? {}).map(([find, replacement]) => ({ find, replacement: String(replacement) }));
      config.resolve = { ...config.resolve, alias: [{ find: /^wxt\/browser$/u, replacement: fileURLToPath(new URL('./utils/capture/native-browser.ts', import.meta.url)) }, ...list.filter((a) => a.find !== 'wxt/browser')] };
    },
  },
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
