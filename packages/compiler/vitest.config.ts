import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'compiler', include: ['src/**/*.test.ts', 'test/**/*.test.ts'] },
});
