import type { RouteRecordRaw } from 'vue-router';
import WarehouseLayout from './WarehouseLayout.vue';

/** The warehouse face's routes, added when someone first opens /w (see router.ts). */
export const faceRoute: RouteRecordRaw = {
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
