// One Vite build for every role's page; Vitest reads its settings from here too.
import { fileURLToPath } from 'node:url';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vitest/config';

const web = (path: string) => fileURLToPath(new URL(`./web/${path}`, import.meta.url));

export default defineConfig({
  root: web(''),
  plugins: [svelte()],
  build: {
    outDir: fileURLToPath(new URL('./dist/web', import.meta.url)),
    emptyOutDir: true,
    rollupOptions: {
      input: {
        index: web('index.html'),
        host: web('host/index.html'),
        screen: web('screen/index.html'),
        contestant: web('contestant/index.html'),
        judge: web('judge/index.html'),
        contests: web('contests/index.html'),
        watch: web('watch/index.html'),
        overlay: web('overlay/index.html'),
      },
    },
  },
  server: {
    proxy: { '/socket.io': { target: 'http://localhost:3000', ws: true }, '/watch.io': { target: 'http://localhost:3000', ws: true } },
  },
  test: {
    root: fileURLToPath(new URL('.', import.meta.url)),
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
