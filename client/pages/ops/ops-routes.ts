import type { RouteRecordRaw } from 'vue-router';
import OpsLayout from './OpsLayout.vue';

/**
 * The ops face's routes, added when someone first opens /ops (see router.ts). Each page is its
 * own lazy chunk; the shell loads with this table. /ops opens on the dashboard: a manager's
 * first question is how things go and where they stick, then what needs doing (the queues).
 */
export const faceRoute: RouteRecordRaw = {
  path: '/ops',
  name: 'ops',
  component: OpsLayout,
  redirect: { name: 'ops-dashboard' },
  children: [
    { path: 'sign-in', name: 'ops-sign-in', component: () => import('./OpsSignInPage.vue') },
    { path: 'dashboard', name: 'ops-dashboard', component: () => import('./OpsDashboardPage.vue') },
    { path: 'process-map', name: 'ops-process-map', component: () => import('./OpsProcessMapPage.vue') },
    { path: 'queues', name: 'ops-queues', component: () => import('./OpsQueuesPage.vue') },
    { path: 'feedback', name: 'ops-feedback', component: () => import('./OpsFeedbackPage.vue') },
    { path: 'orders', name: 'ops-orders', component: () => import('./OpsOrdersPage.vue') },
    { path: 'orders/:orderNo', name: 'ops-order', component: () => import('./OpsOrderPage.vue'), props: true },
    { path: 'inventory', name: 'ops-inventory', component: () => import('./OpsInventoryPage.vue') },
    { path: 'replenishment', name: 'ops-replenishment', component: () => import('./OpsReplenishmentPage.vue') },
    { path: 'returns', name: 'ops-returns', component: () => import('./OpsReturnsPage.vue') },
    { path: 'returns/:returnNo', name: 'ops-return', component: () => import('./OpsReturnPage.vue'), props: true },
    { path: 'claims', name: 'ops-claims', component: () => import('./OpsClaimsPage.vue') },
    { path: 'couriers', name: 'ops-couriers', component: () => import('./OpsCouriersPage.vue') },
    { path: 'settings', name: 'ops-settings', component: () => import('./OpsSettingsPage.vue') },
    { path: 'api-keys', name: 'ops-api-keys', component: () => import('./OpsApiKeysPage.vue') },
    { path: 'carriers', name: 'ops-carriers', component: () => import('./OpsCarriersPage.vue') },
    { path: 'webhooks', name: 'ops-webhooks', component: () => import('./OpsWebhooksPage.vue') },
  ],
};
