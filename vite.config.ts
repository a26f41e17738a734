import { defineConfig } from 'vite';

/** The newsroom's browser code: one ES module per page script, fixed names (cache-busted by ?v=). */
export default defineConfig({
  publicDir: false,
  build: {
    outDir: 'dist/client',
    emptyOutDir: true,
    // Maps stay on disk for developers and are never served (the newsroom's static route serves .js only).
    sourcemap: 'hidden',
    target: 'es2022',
    rollupOptions: {
      input: { editor: 'src/newsroom/client/editor.ts', settings: 'src/newsroom/client/settings.ts' },
      output: { entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js', assetFileNames: 'assets/[name]-[hash][extname]' },
    },
  },
});
