import { computed } from 'vue';
import { useRouter } from 'vue-router';
import { shopDate } from '../../shared/time/shop-calendar';
import { rangeFromQuery } from '../components/ops/range/ops-date-range';
import { shopTimeZone } from '../shop/shop-time-zone';

/**
 * The date range the address bar names, worked out against the shop's today (the server
 * answers in the same days: both read SHOP_TIMEZONE).
 */
export function useOpsRange() {
  // Not useRoute(): that helper would join the entry chunk every customer downloads.
  const route = useRouter().currentRoute;
  const today = shopDate(Date.now(), shopTimeZone);
  return computed(() => rangeFromQuery(route.value.query, today));
}
