import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'server',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // API tests do real disk commits (synchronous=FULL); on a busy 2-core machine 5 s is too tight.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
