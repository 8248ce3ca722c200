import { createApp } from 'vue';
import App from './App.vue';
import { needsSignIn } from './client/labSession';
import { createClient } from './client/createClient';
import { clientKey } from './composables/useClient';
import { setProjector } from './composables/useProjector';
import { i18n } from './i18n';
import SignInView from './views/SignInView.vue';
import './styles/base.css';

async function start(): Promise<void> {
  document.documentElement.lang = i18n.global.locale.value;
  // The charts' normal sizes until the kept session says the room has a projector.
  setProjector(false);
  // A student of a lab server who followed the class link signs in first (browser mode only).
  if (!window.sinapsis && (await needsSignIn())) {
    createApp(SignInView).use(i18n).mount('#app');
    return;
  }
  const app = createApp(App);
  app.provide(clientKey, createClient());
  app.use(i18n);
  app.mount('#app');
}

void start();
