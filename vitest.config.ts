import { availableParallelism } from 'node:os'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/helpers/temp-root.ts'],
    testTimeout: 30_000,
    // Vitest's default leaves a core free, which on CI's 2 cores runs every file one after
    // another while the other core idles; most of the suite waits on child builds and disk.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    hookTimeout: 60_000
  }
})
