// More billing screens on the demo data (after billing.test.mjs): 收据 (the receipt of a
// cashier payment), 欠费账龄 (rows and the stacked chart, today) and 抄表 (this month's
// water readings: the living demo reads every month up to the current one).
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { launch, freshPage, login, shot, openMenu, pickOption, confirmBox, pageFetch, monthOf, todayChina } from './lib.mjs'

let browser
before(async () => { browser = await launch() })
after(async () => { await browser?.close() })

const text = async (loc) => (await loc.innerText()).trim()

test("admin takes a payment, then sees its receipt, the arrears aging and this month's readings", async () => {
  const page = await freshPage(browser.context)
  await login(page, 'admin')

  // 锦华苑's bills 14 months ahead, as billing.test.mjs makes them (a second run only adds
  // missing ones): run alone, the payment below settles bills; after it, it is prepaid.
  const projects = JSON.parse((await pageFetch(page, 'GET', '/api/v1/projects?size=100')).body).items
  const jhy = projects.find((p) => p.name === '锦华苑')
  assert.ok(jhy, '锦华苑 exists')
  const run = await pageFetch(page, 'POST', '/api/v1/bill-runs', { project_id: jhy.id, period: monthOf(14), dry_run: false })
  assert.ok(run.status < 300, `bill run: ${run.status} ${run.body}`)

  // A cash payment at the cashier for 1-1-0101 (50 元; what is not owed goes to prepaid).
  await openMenu(page, '收费管理', '收银台')
  await pickOption(page, page.locator('[data-test=cashier] .toolbar'), { text: '锦华苑' })
  await pickOption(page, page.locator('[data-test=cashier] [data-field=house_id]'), { query: '1-1-0101', text: '1-1-0101' })
  await page.locator('[data-test=cashier-account]').waitFor()
  await page.locator('[data-test=payment-form] input[name=amount]').fill('50.00')
  await page.locator('[data-test=take-payment]').click()
  await confirmBox(page)
  await page.locator('[data-test=payment-result]').waitFor()

  // 收据: the newest receipt is this payment's.
  await openMenu(page, '收费管理', '收据管理')
  const receipts = page.locator('[data-test=receipt-table] .el-table__row')
  await receipts.first().waitFor()
  await page.waitForFunction(() => document.querySelector('[data-test=receipt-table] .el-table__row')?.textContent?.includes('1-1-0101'))
  assert.match(await text(receipts.first()), /R-JHY-\d{4}-\d{6}[\s\S]*锦华苑[\s\S]*1-1-0101[\s\S]*¥50\.00[\s\S]*已开具/)
  await shot(page, 'billing-receipts')

  // 欠费账龄 today: the living demo has arrears of every age.
  await openMenu(page, '收费管理', '欠费账龄')
  const asOf = page.locator('[data-test=arrears-as-of] input')
  await asOf.fill(todayChina())
  await asOf.press('Enter')
  const rows = page.locator('[data-test=arrears-table] .el-table__row')
  await rows.first().waitFor()
  // A row per project: the living demo keeps debtors of every age in both residential ones.
  const projectRows = await rows.allInnerTexts()
  for (const name of ['锦华苑', '绿园小区']) {
    assert.ok(projectRows.some((r) => r.includes(name) && /¥[1-9][\d,]*\.\d{2}/.test(r)), `${name} owes: ${projectRows}`)
  }
  await page.locator('[data-test=arrears-chart] canvas').waitFor()
  await page.locator('[data-test=arrears-group]').getByText('按房屋').click()
  await page.waitForFunction(() => /[A-Z0-9]+-\d+-\d{3,4}/.test(document.querySelector('[data-test=arrears-table] .el-table__row')?.textContent ?? ''))
  await page.waitForFunction(() => !document.querySelector('.el-loading-mask:not([style*="display: none"])'))
  await shot(page, 'billing-arrears')

  // 抄表: the demo's water readings of this month.
  await openMenu(page, '收费管理', '抄表记录')
  const period = page.locator('[data-test=readings-period] input')
  await period.fill(monthOf(0))
  await period.press('Enter')
  const readings = page.locator('[data-test=reading-table] .el-table__row')
  await readings.first().waitFor()
  assert.match(await text(readings.first()), new RegExp(`水表[\\s\\S]*${monthOf(0)}`))
  await shot(page, 'billing-meter-readings')
  await page.close()
})
