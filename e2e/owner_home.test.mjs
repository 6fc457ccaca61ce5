// The owner home (/owner): what the owner's houses owe now, with 去缴费 when something is
// owed, and quick entries whose badges are the open work orders and unread messages — each
// the same number the API gives. On the living demo `owner3` owes two months and more (no
// other browser test pays them), has a complaint waiting for dispatch and has messages.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { launch, phonePage, phoneLogin, pageFetch, fenOf, shot } from './lib.mjs'

let browser
before(async () => { browser = await launch() })
after(async () => { await browser?.close() })

const json = async (page, url) => JSON.parse((await pageFetch(page, 'GET', url)).body)

test('owner home shows the unpaid total and the badges of open orders and unread messages', async () => {
  const page = await phonePage(browser.context, 'owner')
  await phoneLogin(page, 'owner', 'owner3')
  await page.locator('[data-test=home-owed]').waitFor()

  const houses = (await json(page, '/api/v1/houses')).items
  let owed = 0
  for (const h of houses) owed += (await json(page, `/api/v1/houses/${h.id}/account`)).owed
  assert.ok(owed > 0, 'the living demo leaves owner3 months to pay')
  const amount = page.locator('[data-test=home-owed-amount]')
  await page.waitForFunction(() => /¥/.test(document.querySelector('[data-test=home-owed-amount]')?.textContent ?? ''))
  assert.equal(fenOf(await amount.innerText()), owed)

  const open = (await json(page, '/api/v1/work-orders/summary')).open
  const unread = (await json(page, '/api/v1/messages?page=1&size=1')).unread
  assert.ok(open > 0 && unread > 0, `open ${open}, unread ${unread}`)
  const badge = (entry) => page.locator(`[data-test=${entry}] .van-badge`).innerText()
  await page.waitForFunction((n) => document.querySelector('[data-test=home-orders] .van-badge')?.textContent?.trim() === String(n), open)
  assert.equal((await badge('home-orders')).trim(), String(open))
  assert.equal((await badge('home-messages')).trim(), String(unread))
  await shot(page, 'owner-home')

  // 去缴费 goes to the bills; 报事报修 to the report form.
  await page.locator('[data-test=home-pay]').click()
  await page.waitForURL((u) => u.pathname === '/owner/bills')
  await page.goBack()
  await page.locator('[data-test=home-report]').click()
  await page.waitForURL((u) => u.pathname === '/owner/workorders/new')
  await page.close()
})
