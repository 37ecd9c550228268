/**
 * Dispatched on window once the map's first coloured picture is on screen; work that may wait
 * (fetching the data engine ahead of need) waits for it.
 */
export const MAP_PAINTED_EVENT = 'pengo:map-painted';
