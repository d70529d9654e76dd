import { defineConfig } from 'vitest/config';

// One Vitest run covers every package; each package keeps its tests next to its sources.
export default defineConfig({
  test: {
    projects: ['packages/*', 'apps/server', 'apps/web'],
  },
});
