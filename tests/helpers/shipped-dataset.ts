/**
 * Makes the build-time constant `__SOURCELIGHT_DATASET__` exist in Node, with
 * the very string the build inlines, so extension modules that read it
 * (src/shared/dataset.ts, the background's analysis) run in tests. Import it
 * before them.
 */
import { shippedDatasetJson } from '../../src/data/shipped.ts';

(globalThis as { __SOURCELIGHT_DATASET__?: string }).__SOURCELIGHT_DATASET__ = shippedDatasetJson();
