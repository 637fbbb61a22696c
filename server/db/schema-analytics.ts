/** Roll-ups behind the ops dashboard and process map. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface AnalyticsTables {}
