import { fileURLToPath, URL } from 'node:url'
import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'
import type { Plugin } from 'vite'

// `npm run dev` talks to a running anju (default http://127.0.0.1:8080, or ANJU_URL).
const target = process.env.ANJU_URL ?? 'http://127.0.0.1:8080'

// Vant's icon font is bundled as a data: URL, followed by a copy on a remote CDN that the
// server's Content-Security-Policy (font-src 'self' data:) blocks, which logs an error on
// every phone page. Keep only the bundled font.
function localFontsOnly(): Plugin {
  const remote = /,\s*url\((["']?)(?:https?:)?\/\/[^)]*\1\)(\s*format\([^)]*\))?/g
  return {
    name: 'anju:local-fonts-only',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]vant[\\/].*\.css$/.test(id) || !code.includes('@font-face')) return null
      return { code: code.replace(remote, ''), map: null }
    },
  }
}

export default defineConfig({
  plugins: [vue(), localFontsOnly()],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  define: {
    __VUE_OPTIONS_API__: 'true',
    __VUE_PROD_DEVTOOLS__: 'false',
    __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
    __VUE_I18N_FULL_INSTALL__: 'true',
    __VUE_I18N_LEGACY_API__: 'false',
    __INTLIFY_PROD_DEVTOOLS__: 'false',
  },
  server: {
    port: 5173,
    proxy: { '/api': { target, changeOrigin: false } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
})
