/** Text analysed at most (characters): the page layer stops reading giant pages there, and the background refuses more. */
export const MAX_TEXT_CHARS = 2_000_000;
