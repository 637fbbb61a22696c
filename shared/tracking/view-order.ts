/**
 * Whether a fresh view may replace the one on screen. Answers can overtake each other: the
 * page's own request may come back after the live stream has already shown a newer view, and
 * showing the request's answer then would step the parcel back in time. A view of another
 * parcel, or none shown, always gives way.
 */
export function replacesShownView(
  shown: { trackingNo: string; generatedAt: number } | null,
  fresh: { trackingNo: string; generatedAt: number },
): boolean {
  return !shown || shown.trackingNo !== fresh.trackingNo || fresh.generatedAt >= shown.generatedAt;
}
