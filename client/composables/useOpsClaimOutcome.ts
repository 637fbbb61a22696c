import { useI18n } from 'vue-i18n';
import type { OpsClaimView } from '../../shared/api/return-views';
import { formatFen } from '../components/ops/ops-money';

/** How a decided claim ended, in the server's numbers: the amount actually refunded, the new parcel's number. */
export function useOpsClaimOutcome() {
  const { t } = useI18n();
  return (claim: OpsClaimView): string =>
    t(`ops.claims.decided.${claim.status}`, { amount: formatFen(claim.refundFen ?? 0), tracking_no: claim.resendTrackingNo ?? '—' });
}
