/**
 * A Document for the commands, parsed by happy-dom with scripts, styles and
 * network loading off: the page layer reads it exactly as it reads a page in
 * the browser.
 */
import { Window } from 'happy-dom';

export function parseHtml(html: string, url = 'https://localhost/'): Document {
  const window = new Window({
    url,
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      disableComputedStyleRendering: true,
      navigation: {
        disableMainFrameNavigation: true,
        disableChildFrameNavigation: true,
        disableChildPageNavigation: true,
        disableFallbackToSetURL: true,
      },
    },
  });
  const doc = window.document;
  doc.write(html);
  return doc as unknown as Document;
}
