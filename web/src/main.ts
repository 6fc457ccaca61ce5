import { createApp } from 'vue'
import { createPinia } from 'pinia'
import App from './App.vue'
import { i18n } from './locales'
import { installRouter } from './router'
import { vPerm } from './directives/perm'

const app = createApp(App)
app.use(createPinia())
app.use(i18n)
app.directive('perm', vPerm)
installRouter(app)
app.mount('#app')
