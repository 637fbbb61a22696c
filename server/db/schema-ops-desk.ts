/** The ops desk: settings changes and who made them. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface OpsDeskTables {}
