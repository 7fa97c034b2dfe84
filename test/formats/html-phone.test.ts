/**
 * At phone width a wide table scrolls sideways, but its title and its 单位：万元 stay on screen
 * (they were centred and right-aligned over the whole table width, off-screen on a phone).
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { htmlDocument } from '../../src/formats/html.ts';
import { loadExample, MULTI_DIR } from '../helpers.ts';

const CHROMIUM = '/usr/bin/chromium';

describe.skipIf(!existsSync(CHROMIUM))('HTML tables at phone width (chromium)', () => {
  it('keeps every table’s title and 单位 line within a 375 px screen', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yusuan-phone-'));
    const file = join(dir, 'page.html');
    writeFileSync(file, htmlDocument(loadExample(MULTI_DIR).tables));
    const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] });
    try {
      const page = await browser.newPage({ viewport: { width: 375, height: 800 } });
      await page.goto(`file://${file}`);
      const boxes = await page.$$eval('table.budget', (tables) =>
        tables.map((t) => {
          const box = (sel: string) => t.querySelector(sel)!.getBoundingClientRect();
          return { id: t.id, wide: t.getBoundingClientRect().width, title: box('caption .title'), unit: box('caption .meta > span:last-child') };
        }),
      );
      expect(boxes.filter((b) => b.wide > 375).length).toBeGreaterThan(10);
      for (const b of boxes) {
        expect(b.title.left, b.id).toBeGreaterThanOrEqual(0);
        expect(b.title.right, b.id).toBeLessThanOrEqual(375);
        expect(b.unit.right, b.id).toBeLessThanOrEqual(375);
        expect(b.unit.width, b.id).toBeGreaterThan(0);
      }
    } finally {
      await browser.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
