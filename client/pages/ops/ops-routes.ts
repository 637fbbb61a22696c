import type { RouteLocationNormalized, RouteRecordRaw, Router } from 'vue-router';
import OpsLayout from './OpsLayout.vue';

/**
 * The ops face's routes, added when someone first opens /ops (see router.ts). Each page is its
 * own lazy chunk; the shell loads with this table. Later pages (dashboard, process map, other
 * queues, couriers, settings) are more children here and more links in OpsNav.
 */
const OPS_ROUTE: RouteRecordRaw = {
  path: '/ops',
  name: 'ops',
  component: OpsLayout,
  redirect: { name: 'ops-returns' },
  children: [
    { path: 'sign-in', name: 'ops-sign-in', component: () => import('./OpsSignInPage.vue') },
    { path: 'returns', name: 'ops-returns', component: () => import('./OpsReturnsPage.vue') },
    { path: 'returns/:returnNo', name: 'ops-return', component: () => import('./OpsReturnPage.vue'), props: true },
    { path: 'claims', name: 'ops-claims', component: () => import('./OpsClaimsPage.vue') },
  ],
};

const LOADER_ROUTE = 'ops-loader';

/** Adds the routes (once), retires the stand-in, and sends the navigation round again to land on them. */
export function installOpsRoutes(router: Router, to: RouteLocationNormalized): string {
  if (!router.hasRoute(OPS_ROUTE.name!)) router.addRoute(OPS_ROUTE);
  if (router.hasRoute(LOADER_ROUTE)) router.removeRoute(LOADER_ROUTE);
  return to.fullPath;
}
