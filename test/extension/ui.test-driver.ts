/**
 * UI-level checks driven from outside the workbench with Playwright: click the Kafka Connect
 * activity-bar item, expand a connector in the tree, click a CodeLens, take screenshots
 * (test-results/, kept as CI artifacts).
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { CodeServer } from '../support/code-server';
import { openWorkbench, workbenchUrl } from '../support/code-server';
import type { TestManifest } from './helpers';

export interface UiCheck {
  name: string;
  error?: string;
}

async function step(checks: UiCheck[], name: string, fn: () => Promise<void>): Promise<boolean> {
  try {
    await fn();
    checks.push({ name });
    return true;
  } catch (err) {
    checks.push({ name, error: err instanceof Error ? err.message : String(err) });
    return false;
  }
}

export async function runUiChecks(opts: {
  server: CodeServer;
  workspace: string;
  extensionPath: string;
  manifest: TestManifest;
  resultsDir: string;
  log: (line: string) => void;
}): Promise<UiCheck[]> {
  const { manifest: m } = opts;
  const checks: UiCheck[] = [];
  const wb = await openWorkbench(workbenchUrl(opts.server, opts.workspace, opts.extensionPath), opts.log);
  const page: Page = wb.page;
  try {
    if (
      !(await step(checks, 'workbench loads', async () => {
        await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
      }))
    ) {
      return checks;
    }
    const ok = await step(
      checks,
      'clicking the "Kafka Connect" activity-bar item shows the cluster and the connector',
      async () => {
        const item = page.locator('.activitybar [aria-label*="Kafka Connect"]').first();
        await item.waitFor({ timeout: 60_000 });
        await item.click();
        await page
          .locator('.monaco-list-row', { hasText: m.clusterName })
          .first()
          .waitFor({ timeout: 30_000 });
        await page
          .locator('.monaco-list-row', { hasText: m.sourceName })
          .first()
          .waitFor({ timeout: 30_000 });
      },
    );
    if (ok) {
      await step(checks, 'clicking the connector expands its tasks and topics', async () => {
        const row = page.locator('.monaco-list-row', { hasText: m.sourceName }).first();
        await row.locator('.monaco-highlighted-label, .label-name').first().click();
        await page.locator('.monaco-list-row', { hasText: 'Task 0' }).first().waitFor({ timeout: 20_000 });
        await page.locator('.monaco-list-row', { hasText: 'Topics' }).first().waitFor({ timeout: 20_000 });
        const text = await row.innerText();
        if (!/RUNNING/.test(text)) throw new Error(`connector row does not say RUNNING: ${text}`);
      });
    }
    await page.screenshot({ path: join(opts.resultsDir, 'extension-ui-tree.png') });
    await step(
      checks,
      'the connector file shows CodeLenses and clicking "Validate" validates on the cluster',
      async () => {
        await page.keyboard.press('Control+P');
        const input = page.locator('.quick-input-widget input');
        await input.waitFor({ timeout: 15_000 });
        await input.fill('file-source.connector.json');
        await page
          .locator('.quick-input-list .monaco-list-row', { hasText: 'file-source.connector.json' })
          .first()
          .waitFor({ timeout: 15_000 });
        await page.keyboard.press('Enter');
        const validate = page.locator('.codelens-decoration a', { hasText: 'Validate' }).first();
        await validate.waitFor({ timeout: 30_000 });
        await page
          .locator('.codelens-decoration', { hasText: 'RUNNING' })
          .first()
          .waitFor({ timeout: 30_000 });
        await validate.click();
        // A toast may come and go (or stay hidden while the headless page has no focus): read the
        // notification center, which keeps every notification.
        const deadline = Date.now() + 30_000;
        let seen = '';
        while (Date.now() < deadline) {
          await page.keyboard.press('F1');
          await input.waitFor({ timeout: 15_000 });
          await input.fill('>Notifications: Show Notifications');
          await page
            .locator('.quick-input-list .monaco-list-row', { hasText: 'Show Notifications' })
            .first()
            .waitFor({ timeout: 15_000 });
          await page.keyboard.press('Enter');
          const center = page.locator('.notifications-center');
          await center.waitFor({ timeout: 10_000 });
          seen = await center.innerText();
          if (/is valid on test-connect|config error/.test(seen)) break;
          await page.keyboard.press('Escape');
          await page.waitForTimeout(1000);
        }
        if (!seen.includes('is valid on test-connect'))
          throw new Error(`notifications after Validate: ${seen.replace(/\s+/g, ' ').slice(0, 300)}`);
      },
    );
    await page.screenshot({ path: join(opts.resultsDir, 'extension-ui-codelens.png') });
    return checks;
  } finally {
    await wb.close();
  }
}
