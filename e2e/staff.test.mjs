// /staff phone app (375×667) against a real anju with demo data: home with projects and the
// task list (the engineer's open work orders in the living demo, as the API lists them), the
// profile, and the app's own login.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { PASSWORD, launch, phonePage, phoneLogin, shot, pageFetch, foreignKits, consoleErrors } from './lib.mjs'

let browser
before(async () => { browser = await launch() })
after(async () => { await browser?.close() })

test('engineer sees their project and their open work orders, then the profile', async () => {
  const page = await phonePage(browser.context, 'staff')
  await shot(page, 'staff-login')
  await phoneLogin(page, 'staff', 'engineer')
  const projects = page.locator('[data-test=staff-projects]')
  await projects.waitFor()
  assert.match(await projects.innerText(), /锦华苑/)
  assert.doesNotMatch(await projects.innerText(), /绿园小区/)
  // 我的任务: the engineer's open orders (assigned to them, accepted, on site, paused; the
  // living demo has some being repaired), the first five as the server orders them.
  const open = JSON.parse((await pageFetch(page, 'GET',
    '/api/v1/work-orders?mine=1&status=assigned,accepted,on_site,paused&size=5')).body)
  assert.ok(open.total > 0, 'the engineer has open work orders')
  const items = page.locator('[data-test=tasks] [data-test=wo-item]')
  await items.first().waitFor()
  assert.deepEqual(
    await items.evaluateAll((els) => els.map((e) => e.getAttribute('data-number'))),
    open.items.map((o) => o.number))
  assert.equal(await page.locator('[data-test=tasks-empty]').count(), 0)
  assert.match(await page.locator('[data-test=staff-home] .m-hero').innerText(), /李工/)
  await shot(page, 'staff-home')

  await page.locator('[data-test=tab-staff-me]').click()
  const groups = page.locator('[data-test=permission-group]')
  await groups.first().waitFor()
  const text = await page.locator('[data-test=staff-profile]').innerText()
  assert.match(text, /engineer/)
  assert.match(text, /property:house:read/)
  assert.match(text, /房产档案/)
  await page.waitForFunction(() => document.querySelector('[data-test=staff-profile]')?.textContent?.includes('查看房屋'))
  await shot(page, 'staff-profile')
  assert.deepEqual(await foreignKits(page), [])

  await page.locator('[data-test=logout]').click()
  await page.waitForURL(/\/staff\/login$/)
  assert.equal((await pageFetch(page, 'GET', '/api/v1/me')).status, 401)
  assert.deepEqual(consoleErrors(page), [], 'the page logged no console errors')
  await page.close()
})

test('a resident account on /staff is told so and signed out', async () => {
  const page = await phonePage(browser.context, 'staff')
  await page.locator('input[name=login]').fill('owner')
  await page.locator('input[name=password]').fill(PASSWORD)
  await page.locator('[data-test=login-submit]').click()
  const message = page.locator('[data-test=login-error]')
  await message.waitFor()
  assert.match(await message.innerText(), /业主\/住户账号/)
  assert.match(new URL(page.url()).pathname, /^\/staff\/login$/)
  assert.equal((await pageFetch(page, 'GET', '/api/v1/me')).status, 401)
  assert.deepEqual(consoleErrors(page), [], 'the page logged no console errors')
  await page.close()
})

test('an expired session sends staff to the staff login page', async () => {
  const page = await phonePage(browser.context, 'staff')
  await phoneLogin(page, 'staff', 'engineer')
  await page.locator('[data-test=staff-projects]').waitFor()
  await browser.context.clearCookies()
  await page.locator('[data-test=tab-staff-me]').click()
  await page.waitForURL((u) => u.pathname === '/staff/login')
  assert.equal(new URL(page.url()).searchParams.get('redirect'), '/staff/me')
  assert.deepEqual(consoleErrors(page), [], 'the page logged no console errors')
  await page.close()
})
