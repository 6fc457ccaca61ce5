// Shared helpers for the browser tests: one headless Debian Chromium, contexts at
// 1366×768 (phone pages at 375×667), sign-in, screenshots and page-side API calls.
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

// Phones (/owner, /staff): 375×667, each app signs in on its own login page.
export const PHONE = { width: 375, height: 667 }

const consoleLogs = new WeakMap()

/** Records the page's console errors and uncaught exceptions, except the browser's note
 *  that an /api/ call answered 4xx (the tests provoke those on purpose); read them with
 *  consoleErrors(page). */
export function watchConsole(page) {
  const errors = []
  consoleLogs.set(page, errors)
  page.on('console', (m) => {
    if (m.type() !== 'error') return
    const url = m.location()?.url ?? ''
    if (/^Failed to load resource: the server responded with a status of 4\d\d/.test(m.text()) &&
        url.startsWith(BASE_URL + '/api/')) return
    errors.push(`${m.text()} (${url})`)
  })
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`))
}
export const consoleErrors = (page) => consoleLogs.get(page) ?? []

/** A fresh phone-sized page with no session, on the group's login page. */
export async function phonePage(context, group) {
  await context.clearCookies()
  const page = await context.newPage()
  page.on('pageerror', (e) => console.error('page error:', e.message))
  watchConsole(page)
  await page.setViewportSize(PHONE)
  await page.goto(`${BASE_URL}/${group}/login`)
  await page.evaluate(() => localStorage.clear())
  await page.reload()
  await page.locator('[data-test=login-form]').waitFor()
  return page
}

/** Signs in on the phone login page already open; waits until it is left. */
export async function phoneLogin(page, group, name, password = PASSWORD) {
  await page.locator('input[name=login]').fill(name)
  await page.locator('input[name=password]').fill(password)
  await page.locator('[data-test=login-submit]').click()
  await page.waitForURL((u) => u.pathname.startsWith(`/${group}`) && !u.pathname.endsWith('/login'))
}

/** Scripts and styles the page loaded that contain Element Plus or ECharts (by content, as
 *  chunk names do not say). */
export async function foreignKits(page) {
  return page.evaluate(async () => {
    const found = []
    const urls = performance.getEntriesByType('resource').map((e) => e.name).filter((n) => /\.(js|css)$/.test(new URL(n).pathname))
    for (const url of urls) {
      const text = await (await fetch(url)).text()
      if (/\bElButton\b|\bElMessage\b|--el-color-primary/.test(text)) found.push(`element-plus: ${url}`)
      if (/echarts/i.test(text)) found.push(`echarts: ${url}`)
    }
    return found
  })
}

/** Waits until every Element Plus select dropdown has finished closing. */
export const noOpenDropdown = (page) => page.waitForFunction(() =>
  [...document.querySelectorAll('.el-select__popper')].every((e) => e.getClientRects().length === 0))

/** Picks an option of the Element Plus select inside `scope`: types `query` when given
 *  (remote search) and clicks the first visible option containing `text`; returns its label. */
export async function pickOption(page, scope, { query, text } = {}) {
  await noOpenDropdown(page)
  await scope.locator('.el-select__wrapper').first().click()
  if (query) await scope.locator('input').first().fill(query)
  const option = page.locator('.el-select-dropdown__item:visible', text ? { hasText: text } : {}).first()
  await option.waitFor()
  const label = await option.innerText()
  await option.click()
  await noOpenDropdown(page)
  return label
}

/** Clicks OK in the open Element Plus confirm box. */
export async function confirmBox(page) {
  const box = page.locator('.el-message-box')
  await box.waitFor()
  await box.locator('.el-message-box__btns .el-button--primary').click()
  await box.waitFor({ state: 'hidden' })
}

/** "¥1,234.50" or "¥350.00" → 35000 (integer 分, no floats). */
export function fenOf(text) {
  const m = /(-?)¥?([\d,]+)\.(\d{2})/.exec(text)
  if (!m) throw new Error(`no amount in ${JSON.stringify(text)}`)
  const v = Number(m[2].replace(/,/g, '')) * 100 + Number(m[3])
  return m[1] ? -v : v
}
/** 35000 → "350.00" */
export const yuanOf = (fen) => `${Math.trunc(fen / 100)}.${String(fen % 100).padStart(2, '0')}`

/** Makes the Element Plus multiple select inside `scope` hold exactly the options labelled
 *  `labels` (clicking options on and off), then closes its dropdown. */
export async function chooseOptions(page, scope, labels) {
  await noOpenDropdown(page)
  await scope.locator('.el-select__wrapper').first().click()
  const options = page.locator('.el-select-dropdown__item:visible')
  await options.first().waitFor()
  for (let i = 0; i < await options.count(); i++) {
    const o = options.nth(i)
    const want = labels.includes((await o.innerText()).trim())
    if (want !== /\bis-selected\b/.test(await o.getAttribute('class') ?? '')) await o.click()
  }
  await page.keyboard.press('Escape')
  await noOpenDropdown(page)
}

// Dates in China time (UTC+8, no summer time): the demo is alive relative to the day it is
// created, so tests derive every month and date from today instead of naming one.
const chinaNow = () => new Date(Date.now() + 8 * 3600 * 1000)
/** Today in China, "YYYY-MM-DD". */
export const todayChina = () => chinaNow().toISOString().slice(0, 10)
/** The month `offset` months from the current China month, "YYYY-MM" (monthOf(0) is this month). */
export function monthOf(offset = 0) {
  const d = chinaNow()
  const m = d.getUTCFullYear() * 12 + d.getUTCMonth() + offset
  return `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`
}
/** "YYYY-MM-DD" moved by `days` days. */
export function addDays(date, days) {
  const d = new Date(`${date}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}
