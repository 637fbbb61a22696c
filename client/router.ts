import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router';

const APP_TITLE = 'Doorstep 包裹追踪';

/**
 * Every page is its own lazy chunk, grouped by face in pages/<face>/: a customer's phone
 * never downloads the courier or ops code. The courier and ops faces load their own route
 * tables (see the stand-ins below).
 */
const routes: RouteRecordRaw[] = [
  { path: '/', name: 'home', component: () => import('./pages/customer/HomePage.vue') },
  {
    path: '/t/:trackingNo',
    name: 'tracking',
    component: () => import('./pages/customer/TrackingPage.vue'),
    props: true,
  },
  { path: '/t/:trackingNo/return', name: 'return-request', component: () => import('./pages/customer/ReturnRequestPage.vue'), props: true },
  { path: '/o/:orderNo', name: 'order', component: () => import('./pages/customer/OrderPage.vue'), props: true },
  { path: '/r/:returnNo', name: 'return', component: () => import('./pages/customer/ReturnPage.vue'), props: true },
  {
    // The courier face brings its own routes (pages/courier/courier-routes.ts), so not even its
    // page list is in a customer's first download. This stands in until they are added.
    path: '/courier/:rest(.*)*',
    name: 'courier-loader',
    component: () => import('./pages/customer/NotFoundPage.vue'),
    beforeEnter: async (to) => (await import('./pages/courier/courier-routes')).installCourierRoutes(router, to),
  },
  {
    // The same for the ops face (pages/ops/ops-routes.ts).
    path: '/ops/:rest(.*)*',
    name: 'ops-loader',
    component: () => import('./pages/customer/NotFoundPage.vue'),
    beforeEnter: async (to) => (await import('./pages/ops/ops-routes')).installOpsRoutes(router, to),
  },
  {
    // And the warehouse face (pages/warehouse/warehouse-routes.ts).
    path: '/w/:rest(.*)*',
    name: 'warehouse-loader',
    component: () => import('./pages/customer/NotFoundPage.vue'),
    beforeEnter: async (to) => (await import('./pages/warehouse/warehouse-routes')).installWarehouseRoutes(router, to),
  },
  { path: '/:unknownPath(.*)*', name: 'not-found', component: () => import('./pages/customer/NotFoundPage.vue') },
];

export const router = createRouter({
  history: createWebHistory(),
  routes,
  scrollBehavior: (_to, _from, saved) => saved ?? { top: 0 },
});

// Pages with a better title (a parcel's number) set it themselves after this.
router.afterEach(() => {
  document.title = APP_TITLE;
});
