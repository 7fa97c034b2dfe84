/**
 * Test defaults that hold on a loaded 2-core machine (CI runs every file at once): no test asserts
 * a duration, so the limits only catch a hang. Heavy tests set their own, larger ones.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
