import { constants, performance, PerformanceObserver } from 'node:perf_hooks';
import { resourceUsage } from 'node:process';

export function time<T>(f: () => T): [number, T] {
  const t0 = performance.now();
  const r = f();
  return [performance.now() - t0, r];
}

export async function timeAsync<T>(f: () => Promise<T>): Promise<[number, T]> {
  const t0 = performance.now();
  const r = await f();
  return [performance.now() - t0, r];
}

export const ms = (x: number) => (x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(1)} ms`);

/** Peak resident set size of this process so far. */
export const peakRss = () => `${(resourceUsage().maxRSS / 1024).toFixed(0)} MB`;

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/**
 * A module of the built output (dist/, as `npm run build` compiles src/), typed as its source:
 * the benchmarks time what users run. tsx's transform wraps every closure in a naming helper,
 * which costs the closure-heavy placement search about a sixth of its time.
 */
export const built = <T>(source: string): Promise<T> => import(new URL(`../dist/${source.replace(/\.ts$/, '.js')}`, import.meta.url).href) as Promise<T>;

/** Garbage collections (start, duration in ms, major or minor) seen from now until `stop()`. */
export function watchGc() {
  const seen: { start: number; ms: number; major: boolean }[] = [];
  const obs = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) seen.push({ start: e.startTime, ms: e.duration, major: (e as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind !== constants.NODE_PERFORMANCE_GC_MINOR });
  });
  obs.observe({ entryTypes: ['gc'] });
  return {
    /** Entries are delivered after the synchronous work that caused them: wait a turn, then stop. */
    async stop() {
      await new Promise((resolve) => setTimeout(resolve, 20));
      obs.disconnect();
      return seen;
    },
  };
}
