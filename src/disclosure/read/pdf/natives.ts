/**
 * pdf.js's legacy build (5.6.205, pinned) bundles core-js, which on load replaces native builtins
 * that Node 20 already has right — Array.prototype.push, JSON.parse/stringify, Function.prototype.toString —
 * with JavaScript versions. Every push and JSON call in the process then runs slower (the audit of a
 * large PDF spent most of its time in them). This module is imported before pdf.js: it saves the
 * natives then, and `restoreNatives` puts them back once pdf.js (and its parser) are loaded. The
 * polyfills pdf.js needs and Node 20 lacks (Promise.withResolvers, Uint8Array.toHex, …) are added, not
 * replaced, and stay.
 */
type Saved = [target: object, key: string, descriptor: PropertyDescriptor];

const targets: [object, string][] = [
  [Array.prototype, 'push'],
  [JSON, 'parse'],
  [JSON, 'stringify'],
  [Function.prototype, 'toString'],
];

// Loaded after core-js already ran (it leaves this mark), the natives are gone: nothing to restore.
const saved: Saved[] =
  '__core-js_shared__' in globalThis ? [] : targets.map(([target, key]) => [target, key, Object.getOwnPropertyDescriptor(target, key)!]);

export function restoreNatives(): void {
  for (const [target, key, descriptor] of saved) Object.defineProperty(target, key, descriptor);
}
