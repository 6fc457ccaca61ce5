// 工单 across surfaces (issue 12): one status vocabulary on /admin and /owner (the same order's
// status reads the same on the board and in the owner's detail), and the board's search finds
// a closed order by its exact number although the board opens on the "open" filter.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { BASE_URL, launch, freshPage, login, openMenu, pageFetch, phonePage, phoneLogin, watchConsole, consoleErrors } from './lib.mjs'

let browser
before(async () => { browser = await launch() })
after(async () => { await browser?.close() })

const text = async (loc) => (await loc.innerText()).trim()

/** The board's rows and the status text of the row with `number`. */
const rows = (page) => page.locator('[data-test=wo-table] .el-table__body .wo-row')

/** Searches the board for `q` (typed into the search box, Enter) and waits for the answer. */
async function searchBoard(page, q) {
  const box = page.locator('input[data-test=wo-search]')
  await box.fill(q)
  const answered = page.waitForResponse((r) => r.url().includes('/api/v1/work-orders?') && r.request().method() === 'GET')
  await box.press('Enter')
  await answered
  await page.waitForFunction(() => !document.querySelector('[data-test=wo-table] .el-loading-mask:not([style*="display: none"])'))
}

test('a closed order is found by its exact number; its status reads the same on /admin and /owner', async () => {
  // An order of owner's (any status, a closed one when there is: the demo has a year of them).
  const phone = await phonePage(browser.context, 'owner')
  await phoneLogin(phone, 'owner', 'owner')
  const mine = JSON.parse((await pageFetch(phone, 'GET', '/api/v1/work-orders?size=100')).body).items
  assert.ok(mine.length, 'owner has work orders')
  const order = mine.find((o) => o.status === 'closed') ?? mine[0]
  await phone.goto(`${BASE_URL}/owner/workorders/${order.id}`)
  const ownerStatus = await text(phone.locator('[data-test=wo-detail] [data-test=wo-status]').first())
  assert.deepEqual(consoleErrors(phone), [])
  await phone.close()

  const page = await freshPage(browser.context)
  watchConsole(page)
  await login(page, 'admin')
  // A closed order of any owner for the search (the demo's history), by the API.
  const closed = JSON.parse((await pageFetch(page, 'GET', '/api/v1/work-orders?status=closed&size=1')).body).items[0]
  assert.ok(closed, 'the demo has closed orders')

  await openMenu(page, '工单管理', '工单看板')
  await page.locator('[data-test=wo-table]').waitFor()
  const status = page.locator('[data-test=wo-filter-status]')
  assert.equal(await text(status), '未完结', 'the board opens on the open orders')

  await searchBoard(page, closed.number)
  await rows(page).first().waitFor()
  assert.equal(await rows(page).count(), 1, 'exactly the searched order')
  const row = await text(rows(page).first())
  assert.match(row, new RegExp(closed.number))
  assert.match(row, /已完成/, 'closed reads 已完成 on the board')
  // The widening is visible: the filter says all statuses and a note says so.
  assert.match(await text(status), /全部/)
  assert.equal(await text(page.locator('[data-test=wo-search-all]')), '搜索时包含全部状态')

  // Cleared, the board returns to the open orders.
  await searchBoard(page, '')
  assert.equal(await text(status), '未完结')
  assert.equal(await page.locator('[data-test=wo-search-all]').count(), 0)

  // owner's order: the board's status text equals the owner app's.
  await searchBoard(page, order.number)
  await rows(page).first().waitFor()
  const adminStatus = await text(rows(page).first().locator('[data-test=wo-row-status]'))
  assert.equal(adminStatus, ownerStatus, `${order.number} (${order.status})`)
  await rows(page).first().click()
  const drawer = page.locator('[data-test=wo-drawer]')
  await drawer.locator('[data-test=wo-status]').waitFor()
  assert.equal(await text(drawer.locator('[data-test=wo-status]')), ownerStatus)
  assert.deepEqual(consoleErrors(page), [])
  await page.close()
})
