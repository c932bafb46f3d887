/** The checked, compacted dataset as a JSON string, inlined at build time (see vite.config.ts). */
declare const __SOURCELIGHT_DATASET__: string;
