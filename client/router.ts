import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router';

const APP_TITLE = 'Doorstep 包裹追踪';

/**
 * Every page is its own lazy chunk, grouped by face in pages/<face>/: a customer's phone
 * never downloads the courier or ops code. Those faces add their routes under /courier/*
 * and /ops/* here.
 */
const routes: RouteRecordRaw[] = [
  { path: '/', name: 'home', component: () => import('./pages/customer/HomePage.vue') },
  {
    path: '/t/:trackingNo',
    name: 'tracking',
    component: () => import('./pages/customer/TrackingPage.vue'),
    props: true,
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
