import type { RouteLocationNormalized, RouteRecordRaw, Router } from 'vue-router';
import CourierLayout from './CourierLayout.vue';

/**
 * The courier face's routes, added when someone first opens /courier. Each page is still its
 * own lazy chunk; the shell loads with this table because every courier page needs it. Keeping
 * the table here rather than in router.ts keeps the pages' preload lists out of the entry chunk.
 */
const COURIER_ROUTE: RouteRecordRaw = {
  path: '/courier',
  name: 'courier',
  component: CourierLayout,
  children: [
    { path: '', name: 'courier-manifest', component: () => import('./CourierManifestPage.vue') },
    { path: 'sign-in', name: 'courier-sign-in', component: () => import('./CourierSignInPage.vue') },
    { path: 'stops/:trackingNo', name: 'courier-stop', component: () => import('./CourierStopPage.vue'), props: true },
    { path: 'outbox', name: 'courier-outbox', component: () => import('./CourierOutboxPage.vue') },
  ],
};

const LOADER_ROUTE = 'courier-loader';

/** Adds the routes (once), retires the stand-in, and sends the navigation round again to land on them. */
export function installCourierRoutes(router: Router, to: RouteLocationNormalized): string {
  if (!router.hasRoute(COURIER_ROUTE.name!)) router.addRoute(COURIER_ROUTE);
  if (router.hasRoute(LOADER_ROUTE)) router.removeRoute(LOADER_ROUTE);
  return to.fullPath;
}
