import type { RouteRecordRaw } from 'vue-router';
import CourierLayout from './CourierLayout.vue';

/**
 * The courier face's routes, added when someone first opens /courier. Each page is still its
 * own lazy chunk; the shell loads with this table because every courier page needs it. Keeping
 * the table here rather than in router.ts keeps the pages' preload lists out of the entry chunk.
 */
export const faceRoute: RouteRecordRaw = {
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
