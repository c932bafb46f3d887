/**
 * The content script's analyser: the page's extracted text goes to the
 * background, which holds the indexed dataset and runs the core off the
 * page's main thread. The page pays for extraction, sending, parsing the
 * reply and highlighting — not for the analysis or the dataset.
 */
import browser from 'webextension-polyfill';
import type { Analyser } from '../page/session.ts';
import { type Reply, readAnalysisReply } from '../shared/messages.ts';

export const backgroundAnalyser: Analyser = async (input, sensitivity) => {
  const reply = (await browser.runtime.sendMessage({ type: 'analyse', input, sensitivity })) as Reply<string> | undefined;
  if (!reply?.ok || typeof reply.value !== 'string') {
    throw new Error(`the background could not analyse the page: ${reply && !reply.ok ? reply.error : 'no answer'}`);
  }
  const json = reply.value;
  // Parsed in the session's timed slice: that is main-thread work the page pays.
  return () => readAnalysisReply(json, input.text);
};
