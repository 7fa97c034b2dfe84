/**
 * Where the core's time goes: builds and checks the synthetic province for several rounds under
 * V8's sampling profiler, then prints the functions with the most time of their own and the most
 * time including callees (`npm run profile:core [-- rounds]`). The profile is kept in
 * .profiles/ for Chrome DevTools. The first round is the JIT warming up; it is profiled too, so read
 * figures as shares, not as the benchmark's times.
 */

import { Session } from 'node:inspector/promises';
import { mkdirSync, writeFileSync } from 'node:fs';
import { DEFAULT_OPTIONS, generateProvince } from './generate.ts';
import { built } from './measure.ts';

const { loadClassification } = await built<typeof import('../src/classification/load.ts')>('classification/load.ts');
const { checkDepartmentPackages } = await built<typeof import('../src/checks/packages.ts')>('checks/packages.ts');
const { runModelRules } = await built<typeof import('../src/checks/model-rules.ts')>('checks/model-rules.ts');
const { buildDepartmentPackages } = await built<typeof import('../src/tables/index.ts')>('tables/index.ts');

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const classification = loadClassification(2024);
const province = generateProvince(DEFAULT_OPTIONS);
const rounds = Number(process.argv[2] ?? 4);

const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.start');
for (let r = 0; r < rounds; r++) {
  let build = 0;
  let check = 0;
  for (const d of province) {
    const t0 = performance.now();
    const pkgs = buildDepartmentPackages(d, classification);
    const t1 = performance.now();
    runModelRules(d, classification);
    checkDepartmentPackages(pkgs, { classification });
    build += t1 - t0;
    check += performance.now() - t1;
  }
  console.log(`round ${r + 1}: build ${build.toFixed(0)} ms, checks ${check.toFixed(0)} ms`);
}
const { profile } = (await session.post('Profiler.stop')) as { profile: Profile };
mkdirSync('.profiles', { recursive: true });
const file = `.profiles/core-${Date.now()}.cpuprofile`;
writeFileSync(file, JSON.stringify(profile));

const name = (n: ProfileNode) => `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.replace(/^.*\/(dist|bench|src)\//, '$1/')}:${n.callFrame.lineNumber + 1}`;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const self = new Map<number, number>();
profile.samples.forEach((s, i) => self.set(s, (self.get(s) ?? 0) + profile.timeDeltas[i]));
const own = new Map<string, number>();
const total = new Map<string, number>();
let all = 0;
for (const [id, us] of self) {
  all += us;
  own.set(name(byId.get(id)!), (own.get(name(byId.get(id)!)) ?? 0) + us);
  const seen = new Set<string>();
  for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
    const k = name(byId.get(at)!);
    if (!seen.has(k)) total.set(k, (total.get(k) ?? 0) + us), seen.add(k);
  }
}
const top = (m: Map<string, number>, n: number) =>
  [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, us]) => `  ${(us / 1000).toFixed(0).padStart(7)} ms ${((100 * us) / all).toFixed(1).padStart(5)}%  ${k}`).join('\n');
console.log(`\nself time (${(all / 1e6).toFixed(1)} s sampled):\n${top(own, 25)}`);
console.log(`\nincluding callees (yusuan code):\n${top(new Map([...total].filter(([k]) => k.includes('dist/'))), 25)}`);
console.log(`\nprofile: ${file} (open in Chrome DevTools → Performance)`);
