/** The publication as one HTML page: golden file of the seed, and the links of its 目录. */
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { publicationHtml } from '../../src/formats/document/html.ts';
import { buildPublication } from '../../src/publication/publication.ts';
import { loadExample, MULTI_DIR, SEED_DIR } from '../helpers.ts';

const GOLDEN = 'test/golden/hunan-104012-publication.html';
const htmlOf = (dir: string) => {
  const { budget, classification, tables } = loadExample(dir);
  return { html: publicationHtml(buildPublication(budget, classification, tables)), tables };
};

describe('publication HTML', () => {
  it('matches the golden page of the seed (regenerate with UPDATE_GOLDEN=1)', () => {
    const { html } = htmlOf(SEED_DIR);
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(GOLDEN, html);
    expect(html).toBe(readFileSync(GOLDEN, 'utf8'));
  });

  it.each([SEED_DIR, MULTI_DIR])('%s: every 目录 link has its target, the year is in the title and cover', (dir) => {
    const { html, tables } = htmlOf(dir);
    const links = [...html.matchAll(/<a href="#([^"]+)">/g)].map((m) => m[1]);
    const ids = new Set([...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]));
    expect(links.length).toBe(8 + 1 + tables.length);
    for (const l of links) expect(ids.has(l), l).toBe(true);
    expect(html).toMatch(/<title>[^<]*2024年(部门|单位)预算<\/title>/);
    expect(html).toMatch(/<h1>2024年(部门|单位)预算<\/h1>/);
    expect(html.match(/<table /g)).toHaveLength(23);
  });
});
