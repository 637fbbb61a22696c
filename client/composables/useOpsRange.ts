import { computed } from 'vue';
import { useRouter } from 'vue-router';
import { shopDate } from '../../shared/time/shop-calendar';
import { rangeFromQuery } from '../components/ops/range/ops-date-range';

/**
 * The shop's time zone, for "today" in the range presets. The server reads it from its config
 * (SHOP_TIMEZONE); the console is run for the one shop, whose days it answers in.
 */
export const SHOP_TIME_ZONE = 'Asia/Shanghai';

/** The date range the address bar names, worked out against the shop's today. */
export function useOpsRange() {
  // Not useRoute(): that helper would join the entry chunk every customer downloads.
  const route = useRouter().currentRoute;
  const today = shopDate(Date.now(), SHOP_TIME_ZONE);
  return computed(() => rangeFromQuery(route.value.query, today));
}
