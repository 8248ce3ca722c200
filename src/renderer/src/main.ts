import { createApp } from 'vue';
import App from './App.vue';
import { createClient } from './client/createClient';
import { clientKey } from './composables/useClient';
import { i18n } from './i18n';
import './styles/base.css';

const app = createApp(App);
app.provide(clientKey, createClient());
app.use(i18n);
document.documentElement.lang = i18n.global.locale.value;
app.mount('#app');
