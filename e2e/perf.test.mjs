// Time to first render of /admin and what each route group downloads first, on demo data.
// Results are printed as "PERF name=value" diagnostics (docs/PERFORMANCE.md records them).
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { BASE_URL, PASSWORD, launch, foreignKits } from './lib.mjs'

let browser
before(async () => { browser = await launch() })
after(async () => { await browser?.close() })

async function coldPage() {
  await browser.context.clearCookies()
  const page = await browser.context.newPage()
  const cdp = await browser.context.newCDPSession(page)
  await cdp.send('Network.clearBrowserCache')
  return page
}

/** Bytes of scripts and styles the page loaded: decoded, and on the wire (gzip when sent so). */
async function loadedBytes(page) {
  return page.evaluate(() => {
    const out = { js: 0, css: 0, wire: 0, files: [] }
    for (const e of performance.getEntriesByType('resource')) {
      const name = new URL(e.name).pathname
      if (name.endsWith('.js')) out.js += e.decodedBodySize
      else if (name.endsWith('.css')) out.css += e.decodedBodySize
      else continue
      out.wire += e.encodedBodySize
      out.files.push(name)
    }
    return out
  })
}

const kb = (n) => (n / 1024).toFixed(1)

test('time to first render of /admin and first-load bytes', async (t) => {
  const page = await coldPage()
  await page.goto(BASE_URL + '/admin/login')
  await page.locator('[data-test=login-form]').waitFor()
  const loginVisible = await page.evaluate(() => performance.now())
  const fcp = await page.evaluate(() => new Promise((resolve) => {
    new PerformanceObserver((list) => {
      const e = list.getEntries().find((x) => x.name === 'first-contentful-paint')
      if (e) resolve(e.startTime)
    }).observe({ type: 'paint', buffered: true })
    setTimeout(() => resolve(-1), 2000)
  }))
  const login = await loadedBytes(page)
  t.diagnostic(`PERF admin_login_fcp_ms=${fcp.toFixed(0)}`)
  t.diagnostic(`PERF admin_login_visible_ms=${loginVisible.toFixed(0)}`)
  t.diagnostic(`PERF admin_first_load_js_kb=${kb(login.js)} css_kb=${kb(login.css)} wire_kb=${kb(login.wire)} files=${login.files.length}`)

  await page.locator('input[name=login]').fill('admin')
  await page.locator('input[name=password]').fill(PASSWORD)
  const clicked = await page.evaluate(() => performance.now())
  await page.locator('[data-test=login-submit]').click()
  await page.locator('[data-test=vacancy-chart] canvas').waitFor()
  const dashboard = await page.evaluate(() => performance.now())
  t.diagnostic(`PERF admin_login_to_dashboard_ms=${(dashboard - clicked).toFixed(0)}`)

  // A cold reload of /admin with the session: HTML → scripts → /me → figures → chart.
  const cdp = await browser.context.newCDPSession(page)
  await cdp.send('Network.clearBrowserCache')
  await page.goto(BASE_URL + '/admin')
  await page.locator('[data-test=vacancy-chart] canvas').waitFor()
  const cold = await page.evaluate(() => performance.now())
  const home = await loadedBytes(page)
  t.diagnostic(`PERF admin_dashboard_cold_ms=${cold.toFixed(0)}`)
  t.diagnostic(`PERF admin_dashboard_first_load_js_kb=${kb(home.js)} css_kb=${kb(home.css)} wire_kb=${kb(home.wire)} files=${home.files.length}`)
  await page.reload()
  await page.locator('[data-test=vacancy-chart] canvas').waitFor()
  const warm = await page.evaluate(() => performance.now())
  t.diagnostic(`PERF admin_dashboard_warm_ms=${warm.toFixed(0)}`)
  await page.close()
})

for (const group of ['owner', 'staff']) {
  test(`/${group} never downloads Element Plus or ECharts`, async (t) => {
    const page = await coldPage()
    await page.goto(`${BASE_URL}/${group}`)
    await page.locator('[data-test=login-form]').waitFor()
    await page.waitForLoadState('networkidle')
    const first = await loadedBytes(page)
    t.diagnostic(`PERF ${group}_first_load_js_kb=${kb(first.js)} css_kb=${kb(first.css)} wire_kb=${kb(first.wire)} files=${first.files.length}`)
    assert.equal(first.files.filter((f) => /element-plus|echarts/.test(f)).length, 0, first.files.join(' '))
    assert.deepEqual(await foreignKits(page), [])
    await page.close()
  })
}
