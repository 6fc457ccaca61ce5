// Shared helpers for the browser tests: one headless Debian Chromium, contexts at
// 1366×768, sign-in, screenshots and page-side API calls.
import { createRequire } from 'node:module'
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const here = path.dirname(fileURLToPath(import.meta.url))
const require = createRequire(path.join(here, '..', 'web', 'package.json'))
const { chromium } = require('playwright-core')

export const BASE_URL = process.env.BASE_URL ?? 'http://127.0.0.1:8090'
export const PASSWORD = process.env.DEMO_PASSWORD ?? 'Anju@2026'
export const SCREENSHOT_DIR = process.env.SCREENSHOT_DIR ?? path.join(here, '..', 'build', 'screenshots')
export const VIEWPORT = { width: 1366, height: 768 }

export async function launch() {
  const profile = mkdtempSync(path.join(tmpdir(), 'anju-chromium-'))
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    viewport: VIEWPORT,
    locale: 'zh-CN',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  })
  return {
    context: browser,
    async close() {
      await browser.close()
      rmSync(profile, { recursive: true, force: true })
    },
  }
}

/** A fresh page with no session (cookies and storage cleared). */
export async function freshPage(context) {
  await context.clearCookies()
  const page = await context.newPage()
  page.on('pageerror', (e) => console.error('page error:', e.message))
  await page.goto(BASE_URL + '/admin/login')
  await page.evaluate(() => localStorage.clear())
  return page
}

export async function login(page, name) {
  await page.goto(BASE_URL + '/admin/login')
  await page.locator('input[name=login]').fill(name)
  await page.locator('input[name=password]').fill(PASSWORD)
  await page.locator('[data-test=login-submit]').click()
  await page.waitForURL((u) => !u.pathname.startsWith('/admin/login'))
  await page.locator('[data-test=dashboard]').waitFor()
}

export async function shot(page, name) {
  mkdirSync(SCREENSHOT_DIR, { recursive: true })
  const file = path.join(SCREENSHOT_DIR, `${name}.png`)
  await page.screenshot({ path: file })
  return file
}

/** fetch() from the page with the session cookie and the CSRF token from GET /api/v1/me. */
export async function pageFetch(page, method, url, body) {
  return page.evaluate(async ({ method, url, body }) => {
    const me = await (await fetch('/api/v1/me', { credentials: 'same-origin' })).json()
    const res = await fetch(url, {
      method,
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': me.csrf_token },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    return { status: res.status, body: await res.text() }
  }, { method, url, body })
}

/** Opens a side-menu entry by its visible text. */
export async function openMenu(page, section, entry) {
  const menu = page.locator('[data-test=side-menu]')
  const item = menu.locator('.el-menu-item', { hasText: entry })
  if (!(await item.isVisible())) await menu.locator('.el-sub-menu__title', { hasText: section }).click()
  await item.click()
}
