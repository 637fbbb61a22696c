import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router';

const APP_TITLE = 'Doorstep 包裹追踪';

/**
 * Every page is its own lazy chunk, grouped by face in pages/<face>/: a customer's phone
 * never downloads the courier, ops or warehouse code.
 */
const notFound = () => import('./pages/customer/NotFoundPage.vue');

/**
 * The courier, ops and warehouse faces bring their own routes (`faceRoute` in
 * pages/<face>/<face>-routes.ts), so not even their page lists are in a customer's first
 * download. One stand-in route covers their paths until a face's table is added.
 */
const FACES: Record<string, () => Promise<{ faceRoute: RouteRecordRaw }>> = {
  courier: () => import('./pages/courier/courier-routes'),
  ops: () => import('./pages/ops/ops-routes'),
  w: () => import('./pages/warehouse/warehouse-routes'),
};

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
    path: '/:face(courier|ops|w)/:rest(.*)*',
    name: 'face-loader',
    component: notFound,
    beforeEnter: async (to) => {
      const { faceRoute } = await FACES[to.params.face as string]!();
      // The face is already here, so this is a path it does not know: the stand-in shows not found.
      if (router.hasRoute(faceRoute.name!)) return true;
      router.addRoute(faceRoute);
      return to.fullPath;
    },
  },
  { path: '/:unknownPath(.*)*', name: 'not-found', component: notFound },
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
