import { defineContentScript } from 'wxt/utils/define-content-script';
export default defineContentScript({
  matches: ['*://*.langson.gov.vn/*', '*://dichvucong.gov.vn/*'],
  runAt: 'document_idle',
  main() {},
});
