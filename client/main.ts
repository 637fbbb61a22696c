import { createApp } from 'vue';
import App from './App.vue';
import { installI18n } from './modules/i18n';
import { installPinia } from './modules/pinia';
import { installPwa } from './modules/pwa';
import { router } from './router';
import './styles/global.css';

async function start() {
  const app = createApp(App);
  const pinia = installPinia(app);
  // The router starts fetching the page's chunk while the locale's messages load.
  app.use(router);
  await Promise.all([installI18n(app), router.isReady()]);
  app.mount('#app');
  installPwa(pinia);
}

void start();
