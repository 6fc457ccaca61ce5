// The manager's home (待办): each count opens the list it counts, and the list's total is the
// same number (this month's unpaid bills, the orders waiting for dispatch); the living demo
// has some of each.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { launch, freshPage, login, shot } from './lib.mjs'

let browser
before(async () => { browser = await launch() })
after(async () => { await browser?.close() })

async function countOf(page, key) {
  const el = page.locator(`[data-test=todo-${key}] [data-test=todo-count]`)
  await page.waitForFunction((k) => /^\d+$/.test(document.querySelector(`[data-test=todo-${k}] [data-test=todo-count]`)?.textContent?.trim() ?? ''), key)
  return Number((await el.innerText()).trim())
}
async function listTotal(page) {
  const total = page.locator('.el-pagination__total').first()
  await total.waitFor()
  await page.waitForFunction(() => /[1-9]\d*/.test(document.querySelector('.el-pagination__total')?.textContent ?? ''))
  return Number(/(\d+)/.exec(await total.innerText())[1])
}

test("the manager's 待办 counts open lists with the same totals", async () => {
  const page = await freshPage(browser.context)
  await login(page, 'manager')
  await page.locator('[data-test=todo-card]').waitFor()
  const unpaid = await countOf(page, 'unpaid')
  const dispatch = await countOf(page, 'dispatch')
  assert.ok(unpaid > 0 && dispatch > 0, `unpaid ${unpaid}, to dispatch ${dispatch}`)
  await shot(page, 'home-todo')

  await page.locator('[data-test=todo-unpaid]').click()
  await page.waitForURL((u) => u.pathname === '/admin/billing/bills' && u.searchParams.get('status') === 'open')
  assert.equal(await listTotal(page), unpaid)

  await page.goto(page.url().replace(/\/admin\/.*$/, '/admin'))
  await page.locator('[data-test=todo-card]').waitFor()
  await countOf(page, 'dispatch')
  await page.locator('[data-test=todo-dispatch]').click()
  await page.waitForURL((u) => u.pathname === '/admin/work-orders' && u.searchParams.get('status') === 'submitted')
  assert.equal(await listTotal(page), dispatch)
  await page.close()
})
