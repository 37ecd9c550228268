/**
 * When a survey estimate can be trusted, by its unweighted number of cases (the DHS convention),
 * and the note codes that say so. The UI words the notes in the reader's language.
 */

/** Fewer unweighted cases than this: the estimate is flagged as unstable. */
export const FLAG_BELOW_N = 25;
/** Fewer than this: the estimate is suppressed. */
export const SUPPRESS_BELOW_N = 10;
export const NOTE_SUPPRESSED = 'suppressed';
export const NOTE_UNSTABLE = 'unstable';
