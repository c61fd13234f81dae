import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { formatHtml } from '../../src/formatters/html.js';
import { packagePath } from '../../src/paths.js';
import { bundledChromium } from '../helpers/bundled-chromium.js';
import { cleanResult } from './fixtures.js';
import { reviewedResult } from './report-fixtures.js';

const OUTPUT = packagePath('test-output');
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const context = { color: false, snapshotDir: 'snapshots/acme' };

describe('HTML report (markup)', () => {
  it('is one self-contained file: no script, no external resource, a CSP that forbids any request', () => {
    const html = formatHtml(reviewedResult(), context);
    expect(html).toContain(`content="default-src &#39;none&#39;; style-src &#39;unsafe-inline&#39;; img-src data:; base-uri &#39;none&#39;; form-action &#39;none&#39;"`);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\(/i);
    expect(html).not.toMatch(/\b(src|srcset)=/i);
    expect(html).toContain('Batch &lt;script&gt;alert(1)&lt;/script&gt; &quot;Worker&quot;');
  });

  it('maps each control to its references with a status per environment', () => {
    const html = formatHtml(reviewedResult(), context);
    const wildcardRow = html.split('\n').find((line) => line.includes('<code>app-wildcard-redirect-uri</code> <span class="badge critical">'));
    expect(wildcardRow).toContain('<a href="https://www.rfc-editor.org/rfc/rfc9700#section-2.1.2" rel="noreferrer">RFC 9700 §2.1.2</a>');
    expect(wildcardRow).toMatch(/<span class="status fail">Fail<\/span> <span class="muted">\(1 open\)<\/span><\/td><td><span class="status na">—/);
    const groupRow = html.split('\n').find((line) => line.includes('<code>group-admin-roles</code> <span class="badge'));
    expect(groupRow).toMatch(/status pass">Pass<\/span><\/td><td><span class="status not-evaluated">Not evaluated/);
    const implicitRow = html.split('\n').find((line) => line.includes('<code>app-implicit-grant</code> <span class="badge'));
    expect(implicitRow).toContain('<span class="status pass">Accepted</span> <span class="muted">(1 suppressed)</span>');
  });
});

describe('HTML report in headless Chromium', () => {
  it('renders every section without console errors or network requests, and prints to PDF', { timeout: 90_000 }, async () => {
    // The browser comes from an npm package, so `npm ci && npm test` needs no system Chromium.
    const { executablePath, env } = bundledChromium();
    mkdirSync(OUTPUT, { recursive: true });
    const reportFile = path.join(OUTPUT, 'html-report.html');
    writeFileSync(reportFile, formatHtml(reviewedResult(), context));
    writeFileSync(path.join(OUTPUT, 'html-report-clean.html'), formatHtml(cleanResult(), context));
    const reportUrl = pathToFileURL(reportFile).href;

    const userDataDir = mkdtempSync(path.join(tmpdir(), 'pingone-audit-chromium-'));
    const browser = await chromium.launchPersistentContext(userDataDir, { executablePath, env, headless: true, args: CHROMIUM_ARGS, viewport: { width: 1200, height: 900 } });
    try {
      const page = await browser.newPage();
      const consoleErrors: string[] = [];
      const requests: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') consoleErrors.push(message.text());
      });
      page.on('pageerror', (error) => consoleErrors.push(error.message));
      browser.on('request', (request) => requests.push(request.url()));

      await page.goto(reportUrl, { waitUntil: 'load' });
      await expect.poll(() => page.title()).toBe('PingOne compliance report: org-acme, 2026-11-20');
      for (const heading of [
        'Fix first',
        'Posture by framework',
        'Summary',
        'Drift since the baseline',
        'Controls',
        'Findings and remediation',
        'Posture in detail',
        'Suppressed findings',
        'Coverage',
        'Warnings',
      ]) {
        expect(await page.getByRole('heading', { level: 2, name: heading }).isVisible(), `section "${heading}" visible`).toBe(true);
      }
      const chart = page.locator('svg.chart');
      expect(await chart.isVisible()).toBe(true);
      const box = await chart.boundingBox();
      expect(box?.width ?? 0).toBeGreaterThan(300);
      expect(await chart.locator('rect[fill="#8b1a1a"]').count()).toBeGreaterThan(1);
      expect(await page.locator('#controls table').first().locator('tbody tr').count()).toBe(8);
      expect(await page.locator('#findings article.rule').count()).toBe(6);
      expect(await page.locator('#findings article.rule ol li').count()).toBeGreaterThan(5);
      expect(await page.getByText('Batch <script>alert(1)</script> "Worker", =HYPERLINK').first().isVisible()).toBe(true);
      // The answer comes first: the verdict, then what to fix first, both before the full list.
      // A selector list matches in document order.
      const opening = page.locator('#verdict, #fix-first, #findings');
      expect(await Promise.all([0, 1, 2].map((index) => opening.nth(index).getAttribute('id')))).toEqual(['verdict', 'fix-first', 'findings']);
      expect(await page.locator('#verdict .answer').textContent()).toBe('Not compliant');
      // The first screen (1280x800) answers "are we compliant, and what first": the verdict and the first findings to fix.
      await page.setViewportSize({ width: 1280, height: 800 });
      expect((await page.locator('#verdict').boundingBox())!.y).toBeLessThan(200);
      const firstToFix = (await page.locator('#fix-first tbody tr').first().boundingBox())!;
      expect(firstToFix.y + firstToFix.height).toBeLessThan(800);

      await page.screenshot({ path: path.join(OUTPUT, 'html-report.png'), fullPage: true });
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('nav.toc').isVisible()).toBe(false);
      const pdfFile = path.join(OUTPUT, 'html-report.pdf');
      await page.pdf({ path: pdfFile, format: 'A4', printBackground: true });

      expect(consoleErrors).toEqual([]);
      expect([...new Set(requests)]).toEqual([reportUrl]);
      expect(readFileSync(path.join(OUTPUT, 'html-report.png')).subarray(1, 4).toString()).toBe('PNG');
      const pdf = readFileSync(pdfFile);
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      // More than one page: the major sections each start a new one when printed.
      expect((pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length).toBeGreaterThan(2);
    } finally {
      await browser.close();
      rmSync(userDataDir, { recursive: true, force: true });
    }
  });
});
