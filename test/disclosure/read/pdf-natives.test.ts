/**
 * pdf.js's legacy build installs core-js polyfills over builtins Node already has (push, JSON), which
 * slows every later push and JSON call: the PDF reader puts the natives back (read/pdf/natives.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { expect, it } from 'vitest';

it('reading a PDF leaves the native builtins in place', async () => {
  const natives = [Array.prototype.push, JSON.parse, JSON.stringify, Function.prototype.toString];
  const { readPdfContent } = await import('../../../src/disclosure/read/pdf/document.ts');
  const dir = new URL('../fixtures/corpus/', import.meta.url).pathname;
  const pdf = readdirSync(dir).find((f) => f.endsWith('.pdf'))!;
  const { pages } = await readPdfContent(new Uint8Array(readFileSync(dir + pdf)), pdf);
  expect(pages.length).toBeGreaterThan(0);
  // pdf.js did load its polyfills (the mark core-js leaves), yet the natives are back.
  expect('__core-js_shared__' in globalThis).toBe(true);
  const now = [Array.prototype.push, JSON.parse, JSON.stringify, Function.prototype.toString];
  now.forEach((f, i) => expect(f).toBe(natives[i]));
}, 60_000);
