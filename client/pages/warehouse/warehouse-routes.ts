import type { RouteLocationNormalized, RouteRecordRaw, Router } from 'vue-router';
import WarehouseLayout from './WarehouseLayout.vue';

/** The warehouse face's routes, added when someone first opens /w (see router.ts). */
const WAREHOUSE_ROUTE: RouteRecordRaw = {
  path: '/w',
  name: 'warehouse',
  component: WarehouseLayout,
  children: [
    { path: '', name: 'warehouse-waves', component: () => import('./WarehouseWavesPage.vue') },
    { path: 'sign-in', name: 'warehouse-sign-in', component: () => import('./WarehouseSignInPage.vue') },
    { path: 'waves/:waveNo', name: 'warehouse-pick', component: () => import('./WarehousePickPage.vue'), props: true },
    { path: 'orders/:orderNo/pack', name: 'warehouse-pack', component: () => import('./WarehousePackPage.vue'), props: true },
    { path: 'labels/:trackingNo', name: 'warehouse-label', component: () => import('./WarehouseLabelPage.vue'), props: true },
    { path: 'handover', name: 'warehouse-handover', component: () => import('./WarehouseHandoverPage.vue') },
  ],
};

const LOADER_ROUTE = 'warehouse-loader';

/** Adds the routes (once), retires the stand-in, and sends the navigation round again to land on them. */
export function installWarehouseRoutes(router: Router, to: RouteLocationNormalized): string {
  if (!router.hasRoute(WAREHOUSE_ROUTE.name!)) router.addRoute(WAREHOUSE_ROUTE);
  if (router.hasRoute(LOADER_ROUTE)) router.removeRoute(LOADER_ROUTE);
  return to.fullPath;
}
