import { onBeforeUnmount, watch, type Ref } from 'vue';
import type { PublicTrackingView } from '../../shared/api/tracking-view';
import { trackingStreamUrl } from '../api/tracking-api';

/**
 * Live updates for one parcel over server-sent events: every `tracking` event carries the
 * whole public view. EventSource reconnects by itself after a network drop, so going through
 * a tunnel needs no code here; the stream is closed when the parcel changes or the page goes.
 */
export function useTrackingStream(trackingNo: Ref<string | null>, onView: (view: PublicTrackingView) => void) {
  // The server's render of the page (client/ssr/) draws one moment; the browser streams.
  if (import.meta.env.SSR) return;
  let source: EventSource | null = null;

  function close() {
    source?.close();
    source = null;
  }

  function open(no: string) {
    source = new EventSource(trackingStreamUrl(no));
    source.addEventListener('tracking', (event) => {
      try {
        onView(JSON.parse((event as MessageEvent<string>).data) as PublicTrackingView);
      } catch {
        // A malformed frame is skipped; the next one carries the whole view again.
      }
    });
  }

  watch(
    trackingNo,
    (no) => {
      close();
      if (no) open(no);
    },
    { immediate: true },
  );
  onBeforeUnmount(close);
}
