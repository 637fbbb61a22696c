import type { Ref } from 'vue';
import { useI18n } from 'vue-i18n';
import type { ReturnEventView } from '../../shared/api/return-views';
import { useReasonLabels } from './useReasonLabels';

/**
 * What the system did at a step of a return, in words: approved by the rules, a pickup that
 * failed (with the courier's reason from the shared taxonomy), nothing left to refund. The
 * customer's and the staff's timelines word it differently, so each names its message group.
 */
export function useReturnEventFacts(events: Ref<readonly ReturnEventView[]>, messages: 'returns.fact' | 'ops.fact') {
  const { t } = useI18n();
  const reasonLabel = useReasonLabels(events);
  return (event: ReturnEventView): string | null => {
    if (!event.fact) return null;
    if (event.fact === 'pickup_failed') {
      const reason = reasonLabel(event.reasonCode);
      return reason ? t(`${messages}.pickup_failed_because`, { reason }) : t(`${messages}.pickup_failed`);
    }
    return t(`${messages}.${event.fact}`);
  };
}
