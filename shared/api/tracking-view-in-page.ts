/**
 * The id of the `<script type="application/json">` block in which the server hands a tracking
 * page its public view (server/http/tracking-page.ts); the app reads it from there
 * (client/api/tracking-view-in-page.ts).
 */
export const TRACKING_VIEW_ELEMENT_ID = 'tracking-view';
