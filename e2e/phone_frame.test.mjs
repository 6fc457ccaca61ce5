// The frame of the phone apps at 375×667 (issue 12): the tab bar stays fixed to the bottom on
// every tab page of /owner and /staff, also after scrolling; the owner's 消息 tab shows the
// unread count; an account signing in to the wrong app is pointed to its own.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { BASE_URL, PASSWORD, launch, freshPage, login, phonePage, phoneLogin, pageFetch, consoleErrors, monthOf } from './lib.mjs'

let browser
before(async () => { browser = await launch() })
after(async () => { await browser?.close() })

/** Waits until the page stopped fetching (no /api/ response for 400 ms). */
async function settle(page) {
  let last = Date.now()
  const onResponse = () => { last = Date.now() }
  page.on('response', onResponse)
  while (Date.now() - last < 400) await page.waitForTimeout(100)
  page.off('response', onResponse)
}

/** The tab bar's box and the viewport's height. */
const barBox = (page) => page.evaluate(() => {
  const bar = document.querySelector('.van-tabbar')
  const r = bar.getBoundingClientRect()
  return { top: r.top, bottom: r.bottom, position: getComputedStyle(bar).position, viewport: innerHeight }
})

/** Opens every tab of the signed-in phone app and checks the bar sits on the viewport's bottom
 *  edge, at the top of the page and scrolled to its end; returns the tab page heights. */
async function checkEveryTab(page) {
  const tabs = page.locator('[data-test=tabbar] .van-tabbar-item')
  const n = await tabs.count()
  assert.ok(n >= 3, `the app has its tabs (${n})`)
  const heights = {}
  for (let i = 0; i < n; i++) {
    await tabs.nth(i).click()
    await page.waitForFunction((i) =>
      document.querySelectorAll('[data-test=tabbar] .van-tabbar-item')[i]?.classList.contains('van-tabbar-item--active'), i)
    await settle(page)
    const path = new URL(page.url()).pathname
    await page.evaluate(() => window.scrollTo(0, 0))
    let box = await barBox(page)
    assert.equal(box.position, 'fixed', `${path}: the tab bar is position:fixed`)
    assert.equal(Math.round(box.bottom), box.viewport, `${path}: the tab bar's bottom is the viewport's bottom`)
    assert.ok(box.top > box.viewport - 80, `${path}: the tab bar is a bar at the bottom (top ${box.top})`)
    const height = await page.evaluate(() => document.documentElement.scrollHeight)
    heights[path] = height
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight))
    await page.waitForTimeout(100)
    box = await barBox(page)
    assert.equal(Math.round(box.bottom), box.viewport, `${path}: scrolled to the end, the tab bar is still at the bottom`)
  }
  return heights
}

test('owner: the tab bar is fixed to the bottom on every tab page, also scrolled', async () => {
  const page = await phonePage(browser.context, 'owner')
  await phoneLogin(page, 'owner', 'owner')
  await page.locator('[data-test=tabbar]').waitFor()
  // Make one tab page long for sure: the bills page of a house with many bills is, but the demo
  // may have few, so the messages page is stretched by the test's own tall element instead.
  const heights = await checkEveryTab(page)
  await page.goto(BASE_URL + '/owner/messages')
  await page.locator('[data-test=owner-messages]').waitFor()
  await settle(page)
  await page.evaluate(() => {
    const spacer = document.createElement('div')
    spacer.style.height = '3000px'
    document.querySelector('[data-test=owner-messages]').append(spacer)
    window.scrollTo(0, 2000)
  })
  await page.waitForTimeout(100)
  const box = await barBox(page)
  assert.equal(Math.round(box.bottom), box.viewport, 'on a 3000 px page scrolled half-way the bar is at the bottom')
  assert.ok(Object.keys(heights).length >= 5, JSON.stringify(heights))
  // A work-order page loads the extra Vant styles (mobile/workorders/vant.ts); coming back to
  // the tabs after it must not un-fix the bar.
  await page.goto(BASE_URL + '/owner/workorders/new')
  await page.waitForTimeout(300)
  await page.goBack()
  await page.locator('[data-test=tabbar]').waitFor()
  await checkEveryTab(page)
  assert.deepEqual(consoleErrors(page), [])
  await page.close()
})

test('staff: the tab bar is fixed to the bottom on every tab page, also scrolled', async () => {
  const page = await phonePage(browser.context, 'staff')
  await phoneLogin(page, 'staff', 'manager')
  await page.locator('[data-test=tabbar]').waitFor()
  await checkEveryTab(page)
  assert.deepEqual(consoleErrors(page), [])
  await page.close()
})

test('owner: the 消息 tab shows the unread count, and it drops after reading one', async () => {
  // owner3's house and an open bill (bills are generated when it has none).
  let page = await phonePage(browser.context, 'owner')
  await phoneLogin(page, 'owner', 'owner3')
  const house = JSON.parse((await pageFetch(page, 'GET', '/api/v1/houses')).body).items[0]
  assert.ok(house, 'owner3 has a house')
  const openBills = async (p) =>
    JSON.parse((await pageFetch(p, 'GET', `/api/v1/bills?house_id=${house.id}&status=open&size=5`)).body).items
  let bills = await openBills(page)
  await page.close()

  // Admin: an in-app reminder rule of the test's own (so the messages are new whatever ran
  // before), run for the due date of that open bill, then switched off again.
  page = await freshPage(browser.context)
  await login(page, 'admin')
  // No open bill (all paid): this month's run, else a month well ahead nobody else bills.
  for (const ahead of [0, 14]) {
    if (bills.length) break
    await pageFetch(page, 'POST', '/api/v1/bill-runs', { project_id: house.project_id, period: monthOf(ahead), dry_run: false })
    bills = await openBills(page)
  }
  assert.ok(bills.length, 'owner3 has an open bill')
  const rule = await pageFetch(page, 'POST', '/api/v1/reminder-rules', {
    project_id: house.project_id, name: `未读角标 ${Date.now()}`, offset_days: 0, channels: ['in_app'],
    template: '{house} 您好，账单 {amount} 元于 {due_date} 到期。',
  })
  assert.equal(rule.status, 201, rule.body)
  const run = await pageFetch(page, 'POST', '/api/v1/reminders/run', { as_of: bills[0].due_date })
  assert.equal(run.status, 200, run.body)
  await pageFetch(page, 'PATCH', `/api/v1/reminder-rules/${JSON.parse(rule.body).id}`, { active: false })
  await page.close()

  page = await phonePage(browser.context, 'owner')
  await phoneLogin(page, 'owner', 'owner3')
  await page.locator('[data-test=tabbar]').waitFor()
  const unread = JSON.parse((await pageFetch(page, 'GET', '/api/v1/messages?size=1')).body).unread
  assert.ok(unread > 0, 'owner3 has unread messages')
  const tab = page.locator('[data-test=tab-owner-messages]')
  const badge = tab.locator('.van-badge')
  await badge.waitFor()
  assert.equal((await badge.innerText()).trim(), String(unread), 'the 消息 tab shows the unread count')
  await tab.click()
  await page.locator('[data-test=message]', { has: page.locator('.van-tag') }).first().click()
  const left = unread - 1
  if (left === 0) await badge.waitFor({ state: 'detached' })
  else {
    await page.waitForFunction((n) =>
      document.querySelector('[data-test=tab-owner-messages] .van-badge')?.textContent?.trim() === String(n), left)
  }
  // Another tab page asks the server again and agrees.
  await page.locator('[data-test=tab-owner-houses]').click()
  await settle(page)
  assert.equal(left === 0 ? await badge.count() : Number((await badge.innerText()).trim()), left)
  assert.deepEqual(consoleErrors(page), [])
  await page.close()
})

test('an owner at /admin is told the console is for staff and offered the owner app', async () => {
  const page = await freshPage(browser.context)
  await page.goto(BASE_URL + '/admin/login')
  await page.locator('input[name=login]').fill('owner2')
  await page.locator('input[name=password]').fill(PASSWORD)
  await page.locator('[data-test=login-submit]').click()
  const error = page.locator('[data-test=login-error]')
  await error.waitFor()
  assert.match(await error.innerText(), /业主\/住户账号[\s\S]*管理后台仅供物业员工使用/)
  assert.doesNotMatch(await error.innerText(), /没有执行此操作的权限/)
  const link = page.locator('[data-test=open-owner-app]')
  assert.match(await link.innerText(), /打开业主端/)
  await link.click()
  await page.waitForURL((u) => u.pathname === '/owner/login')
  await page.locator('[data-test=login-form]').waitFor()
  await page.close()
})

test('staff at /owner are pointed to /staff and /admin; a resident at /staff to /owner', async () => {
  let page = await phonePage(browser.context, 'owner')
  await page.locator('input[name=login]').fill('engineer')
  await page.locator('input[name=password]').fill(PASSWORD)
  await page.locator('[data-test=login-submit]').click()
  await page.locator('[data-test=login-error]').waitFor()
  const apps = page.locator('[data-test=other-apps]')
  assert.match(await apps.innerText(), /打开员工端[\s\S]*打开管理后台/)
  await apps.getByText('打开员工端').click()
  await page.waitForURL((u) => u.pathname === '/staff/login')
  await phoneLogin(page, 'staff', 'engineer')
  await page.close()

  page = await phonePage(browser.context, 'staff')
  await page.locator('input[name=login]').fill('owner2')
  await page.locator('input[name=password]').fill(PASSWORD)
  await page.locator('[data-test=login-submit]').click()
  await page.locator('[data-test=login-error]').waitFor()
  await page.locator('[data-test=other-apps]').getByText('打开业主端').click()
  await page.waitForURL((u) => u.pathname === '/owner/login')
  await phoneLogin(page, 'owner', 'owner2')
  await page.close()
})
