/**
 * A saved portal page parsed with happy-dom, page scripts never run: what the extractor
 * sees is the markup as delivered.
 */
import { readFile } from 'node:fs/promises';
import { Window } from 'happy-dom';

export async function loadPage(file: string, url: string): Promise<{ document: Document; close: () => Promise<void> }> {
  const html = await readFile(file, 'utf8');
  const window = new Window({
    url,
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      navigation: { disableMainFrameNavigation: true, disableChildFrameNavigation: true, disableChildPageNavigation: true },
    },
  });
  window.document.write(html);
  return {
    document: window.document as unknown as Document,
    close: () => window.happyDOM.close(),
  };
}
