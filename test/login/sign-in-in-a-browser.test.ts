import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledChromium } from '../helpers/bundled-chromium.js';
import { reviewerTestBed, startHeadlessCli } from './login-fixture.js';

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const bed = reviewerTestBed('pingone-audit-sign-in-browser-');
let browser: BrowserContext;
let profile: string;
beforeAll(async () => {
  const { executablePath, env } = bundledChromium();
  profile = mkdtempSync(path.join(tmpdir(), 'pingone-audit-chromium-'));
  browser = await chromium.launchPersistentContext(profile, { executablePath, env, headless: true, args: CHROMIUM_ARGS });
}, 90_000);
afterAll(async () => {
  await browser?.close();
  rmSync(profile, { recursive: true, force: true });
});

/** The label of the user's radio button: "username <email>". */
const userChoice = (page: Page, username: string) => page.getByLabel(new RegExp(`${username.replace('.', '\\.')} <`));

/**
 * A person at a real browser, as the README walks through it: the pages must work with Chromium's
 * rules (forms, CSP, redirects), not only with a test that builds the URLs itself.
 */
describe('signing in to the simulator with a browser (headless Chromium)', () => {
  it('authorization code: the page lists the users, the one picked signs in, and the browser lands on the loopback callback', { timeout: 90_000 }, async () => {
    const sim = await bed.reviewer();
    const cli = startHeadlessCli(['login', '--auth', 'authorization-code', '--redirect-port', String(sim.port)], sim.env, bed.work());
    const [url] = await cli.waitForStderr(/http:\/\/127\.0\.0\.1:\d+\/[\w-]+\/as\/authorize\?\S+/);
    const page = await browser.newPage();
    await page.goto(url);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Sign in to pingone-audit reviewer sign-in');
    expect(await userChoice(page, 'farah.haddad').isDisabled()).toBe(true);
    await userChoice(page, 'alice.nakamura').check();
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(new RegExp(`^http://127\\.0\\.0\\.1:${sim.port}/callback\\?`));
    expect(await page.locator('body').textContent()).toContain('Signed in to pingone-audit');
    const run = await cli.done;
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(`${sim.ids.alice} (alice.nakamura)`);
    await page.close();
  });

  it('device code: enter the code, confirm it, pick the user, approve; the waiting CLI signs in', { timeout: 90_000 }, async () => {
    const sim = await bed.reviewer({ devicePollingInterval: 1 });
    const cli = startHeadlessCli(['login', '--auth', 'device-code'], sim.env, bed.work());
    const [, verificationUri, userCode] = await cli.waitForStderr(/open (http:\/\/127\.0\.0\.1:\d+\/[\w-]+\/device) on any device and enter the code ([B-Z]{4}-[B-Z]{4})/);
    const page = await browser.newPage();
    await page.goto(verificationUri!);
    await page.getByLabel('Code shown on the device').fill(userCode!.toLowerCase());
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL(/user_code=/);
    expect(await page.locator('.code').textContent()).toBe(userCode);
    await userChoice(page, 'bruno.costa').check();
    await page.getByRole('button', { name: 'Approve' }).click();
    await page.waitForURL(/decision=approve/);
    expect(await page.locator('body').textContent()).toContain('bruno.costa is signed in to pingone-audit reviewer sign-in');
    const run = await cli.done;
    expect(run.code, run.stderr).toBe(0);
    // bruno.costa holds roles over Production only, so his own record stays unread: the id is what shows.
    expect(run.stdout).toMatch(new RegExp(`user: +${sim.ids.bruno}`));
    await page.close();
  });
});
