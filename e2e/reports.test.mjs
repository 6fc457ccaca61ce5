// Issue 4's remaining screens, end to end and short: owner2 pays their open bills through
// the WeChat Pay simulator on /owner and gets a receipt; the engineer reads a water meter
// on /staff (one refused below the previous reading, one saved, on to the next meter); the
// admin sees the collection report and its chart, the daily figures, and downloads .xlsx.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import {
  launch, freshPage, login, shot, openMenu, pageFetch, phonePage, phoneLogin, fenOf, yuanOf, consoleErrors, monthOf,
} from './lib.mjs'

let browser
before(async () => {
  browser = await launch()
  // owner2 has paid everything up to this month in the living demo: 锦华苑's bills 14 months
  // ahead (as billing.test.mjs makes them; a repeated run adds nothing) give it some to pay.
  const page = await freshPage(browser.context)
  await login(page, 'admin')
  const projects = JSON.parse((await pageFetch(page, 'GET', '/api/v1/projects?size=100')).body).items
  const run = await pageFetch(page, 'POST', '/api/v1/bill-runs', { project_id: projects.find((p) => p.name === '锦华苑').id, period: monthOf(14), dry_run: false })
  assert.ok(run.status < 300, `bill run: ${run.status} ${run.body}`)
  await page.close()
})
after(async () => { await browser?.close() })

const text = async (loc) => (await loc.innerText()).trim()

test('owner2 pays open bills through the simulator and sees them paid with a receipt', async () => {
  const page = await phonePage(browser.context, 'owner')
  await phoneLogin(page, 'owner', 'owner2')
  await page.locator('[data-test=tab-owner-bills]').click()
  await page.waitForFunction(() => document.querySelector('[data-test=total-owed]')?.textContent?.includes('¥'))
  const before = fenOf(await text(page.locator('[data-test=total-owed]')))
  assert.ok(before > 0, 'owner2 owes something (the bills ahead)')
  await page.locator('[data-test=pay-open]').click()
  await page.locator('[data-test=pay-bill]').first().waitFor()
  await page.locator('[data-test=channel-wechat]').click()
  await page.locator('[data-test=pay-submit]').click()
  await page.locator('[data-test=order-no]').waitFor()
  const amount = fenOf(await text(page.locator('[data-test=order-amount]')))
  assert.ok(amount > 0 && amount <= before)
  await shot(page, 'owner-pay-simulate')
  await page.locator('[data-test=pay-simulate]').click()
  await page.locator('[data-test=pay-done]').waitFor()
  await page.locator('[data-test=to-receipts]').click()
  const receipt = page.locator('[data-test=receipt-item]').first()
  await receipt.waitFor()
  assert.match(await text(receipt), new RegExp(`R-JHY-\\d{4}-\\d{6}[\\s\\S]*${yuanOf(amount).replace('.', '\\.')}`))
  assert.match(await receipt.locator('[data-test=receipt-pdf]').getAttribute('href'), /^\/api\/v1\/receipts\/\d+\/pdf$/)
  assert.match(await text(page.locator('[data-test=owner-payments] [data-test=payment-item]').first()), /微信支付/)
  await shot(page, 'owner-receipts')
  await page.locator('.van-nav-bar__left').click()
  await page.waitForFunction((was) => {
    const t = document.querySelector('[data-test=total-owed]')?.textContent ?? ''
    return t.includes('¥') && t !== was
  }, `¥${yuanOf(before)}`)
  assert.equal(fenOf(await text(page.locator('[data-test=total-owed]'))), before - amount)
  assert.deepEqual(consoleErrors(page), [], 'the page logged no console errors')
  await page.close()
})

test('engineer reads a meter: below the previous one is refused, a good one moves on', async () => {
  const page = await phonePage(browser.context, 'staff')
  await phoneLogin(page, 'staff', 'engineer')
  await page.locator('[data-test=tile-rounds]').click()
  await page.locator('[data-test=round-building]', { hasText: '2号楼' }).click()
  const current = page.locator('[data-test=round-current]')
  await current.waitFor()
  const meter = await text(current.locator('[data-test=round-meter]'))
  const previous = await text(current.locator('[data-test=round-previous]'))
  const input = current.locator('[data-test=round-input] input')
  await input.fill('0')
  await current.locator('[data-test=round-submit]').click()
  await current.locator('.van-field__error-message', { hasText: '读数小于上次读数' }).waitFor()
  assert.equal(await text(current.locator('[data-test=round-meter]')), meter, 'a refused reading stays on its meter')
  // 9.5 m³ more than last time: inside the usual use, so saved as it is.
  await input.fill(yuanOf(fenOf(previous) + 950)) // 1/100 m³ read like 分: "1234.56" ↔ 123456
  await current.locator('[data-test=round-submit]').click()
  const result = page.locator('[data-test=round-result]')
  await result.waitFor()
  assert.match(await text(result), new RegExp(`${meter} 已提交`))
  await page.waitForFunction((m) => document.querySelector('[data-test=round-meter]')?.textContent?.trim() !== m, meter)
  await shot(page, 'staff-meter-round')
  assert.deepEqual(consoleErrors(page), [], 'the page logged no console errors')
  await page.close()
})

test('admin sees the collection report and daily figures and downloads them as .xlsx', async () => {
  const page = await freshPage(browser.context)
  await login(page, 'admin')
  await openMenu(page, '收费管理', '收费报表')
  // This month's row of 锦华苑 (billed on the 1st, partly paid).
  const row = page.locator('[data-test=collection-table] .el-table__row', { hasText: '锦华苑' }).filter({ hasText: monthOf(0) }).first()
  await row.waitFor()
  assert.match(await text(row), new RegExp(`锦华苑[\\s\\S]*${monthOf(0)}[\\s\\S]*¥[\\d,]+\\.\\d{2}[\\s\\S]*\\d+\\.\\d{2}%`))
  await page.locator('[data-test=collection-chart] canvas').waitFor()
  await shot(page, 'reports-collection')
  const [file] = await Promise.all([page.waitForEvent('download'), page.locator('[data-test=export-collection]').click()])
  assert.match(file.suggestedFilename(), /^收缴报表-\d{4}-\d{2}至\d{4}-\d{2}\.xlsx$/)
  assert.equal(readFileSync(await file.path()).subarray(0, 2).toString(), 'PK')

  await page.locator('[data-test=report-tabs] .el-tabs__item', { hasText: '收费日报' }).click()
  const daily = page.locator('[data-test=daily-table] .el-table__body .el-table__row', { hasText: '锦华苑' }).first()
  await daily.waitFor()
  assert.match(await text(daily), /¥[\d,]+\.\d{2}/)
  const [day] = await Promise.all([page.waitForEvent('download'), page.locator('[data-test=export-daily]').click()])
  assert.match(day.suggestedFilename(), /^收费日报-\d{4}-\d{2}-\d{2}\.xlsx$/)
  await shot(page, 'reports-daily')
  await page.close()
})
