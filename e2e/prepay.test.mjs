// 预缴 end to end: the manager of 绿园小区 (p2.management) creates the prepay offer
// "预缴12个月送1个月" for 住宅物业费 from this month on the 优惠规则 tab; the 绿园小区 cashier
// (p2.cashier) quotes 12 months for 3-1-0603 (a house no other browser test touches) at the
// cashier desk — the last month free, the total 11 × a month — and takes it in cash: the
// first answer is lost, the retry reuses the Idempotency-Key, one payment (the newest of the
// house's year of payments) and its receipt (whose PDF opens). The months start after the
// house's latest bill, whatever ran before.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { launch, freshPage, login, shot, openMenu, pickOption, pageFetch, fenOf, monthOf } from './lib.mjs'

let browser
before(async () => { browser = await launch() })
after(async () => { await browser?.close() })

const text = async (loc) => (await loc.innerText()).trim()
const HOUSE = '3-1-0603'

test('the manager creates the prepay offer 预缴12个月送1个月 for 绿园小区 住宅物业费', async () => {
  const page = await freshPage(browser.context)
  await login(page, 'p2.management')
  await openMenu(page, '收费管理', '收费项目')
  await page.locator('#tab-discounts').click()
  await page.locator('[data-test=new-discount]').click()
  const dialog = page.locator('[data-test=discount-dialog]')
  await pickOption(page, dialog.locator('[data-field=project_id]'), { text: '绿园小区' })
  await pickOption(page, dialog.locator('[data-field=fee_item_id]'), { text: '住宅物业费' })
  await dialog.locator('input[name=name]').fill('预缴12个月送1个月')
  await dialog.locator('[data-test=discount-kind]').getByText('预缴优惠').click()
  assert.equal(await dialog.locator('[data-field=rate_bp]').count(), 0, 'no rate for a prepay offer')
  for (const [field, value] of [['months_paid', '12'], ['months_free', '1']]) {
    const input = dialog.locator(`[data-field=${field}] input`)
    await input.fill(value)
    await input.blur()
  }
  assert.match(await text(dialog.locator('[data-test=offer-preview]')), /预缴 12 个月送 1 个月/)
  const from = dialog.locator('input[name=period_from]')
  await from.fill(monthOf(0))
  await from.press('Enter')
  await shot(page, 'prepay-offer-dialog')
  await dialog.locator('[data-test=dialog-save]').click()
  await dialog.waitFor({ state: 'hidden' })
  const row = page.locator('[data-test=discount-table] .el-table__row', { hasText: '预缴12个月送1个月' })
  await row.waitFor()
  assert.match(await text(row), new RegExp(`住宅物业费[\\s\\S]*预缴 12 个月送 1 个月[\\s\\S]*${monthOf(0)} 起`))
  await page.close()
})

test(`the 绿园小区 cashier prepays 12 months of 住宅物业费 for ${HOUSE}: the last month free, one payment and receipt`, async () => {
  const page = await freshPage(browser.context)
  await login(page, 'p2.cashier')
  await openMenu(page, '收费管理', '收银台')
  await pickOption(page, page.locator('[data-test=cashier] [data-field=house_id]'), { query: HOUSE, text: HOUSE })
  await page.locator('[data-test=cashier-account]').waitFor()
  const prepaidBefore = fenOf(await text(page.locator('[data-test=account-prepaid]')))

  await page.locator('[data-test=prepay-open]').click()
  const dialog = page.locator('[data-test=prepay-dialog]')
  await pickOption(page, dialog.locator('[data-field=fee_item_id]'), { text: '住宅物业费' })
  assert.equal(await dialog.locator('input[name=months]').inputValue(), '12')
  await dialog.locator('[data-test=prepay-quote]').click()
  const rows = dialog.locator('[data-test=prepay-plan] .el-table__body .el-table__row')
  await rows.first().waitFor()
  assert.equal(await rows.count(), 12)
  const cells = async (i) => (await rows.nth(i).locator('td').allInnerTexts()).map((c) => c.trim())
  const [firstPeriod, firstAmount] = await cells(0)
  const [lastPeriod, lastAmount] = await cells(11)
  const month = fenOf(firstAmount)
  assert.ok(month > 0)
  assert.match(firstPeriod, /^\d{4}-\d{2}$/)
  // Twelve consecutive months from the first.
  const [y, m] = firstPeriod.split('-').map(Number)
  const last = new Date(Date.UTC(y, m - 1 + 11, 1))
  assert.equal(lastPeriod, `${last.getUTCFullYear()}-${String(last.getUTCMonth() + 1).padStart(2, '0')}`)
  assert.match(lastAmount, /赠送/)
  assert.equal(await dialog.locator('[data-test=free-month]').count(), 1, 'only the last month is free')
  assert.equal(await text(dialog.locator('[data-test=prepay-offer]')), '预缴12个月送1个月')
  const total = fenOf(await text(dialog.locator('[data-test=prepay-total]')))
  assert.equal(total, 11 * month)
  assert.equal(fenOf(await text(dialog.locator('[data-test=prepay-discount]'))), month)
  await shot(page, 'prepay-quote')

  // 现金; the first answer is lost on the way back: the retry reuses the key.
  await dialog.locator('[data-test=prepay-channel]').getByText('现金').click()
  const keys = []
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url().endsWith('/api/v1/prepayments')) keys.push(r.headers()['idempotency-key'])
  })
  await page.route('**/api/v1/prepayments', async (route) => {
    await route.fetch()
    await route.abort('connectionreset')
  }, { times: 1 })
  const confirm = dialog.locator('[data-test=prepay-confirm]')
  assert.match(await text(confirm), /确认收款/)
  await confirm.click()
  await dialog.locator('[data-test=prepay-retry-hint]').waitFor()
  await confirm.click()
  const result = dialog.locator('[data-test=prepay-result]')
  await result.waitFor()
  assert.equal(keys.length, 2)
  assert.ok(keys[0])
  assert.equal(keys[1], keys[0], 'the retry reused the Idempotency-Key')
  const paymentNumber = await text(result.locator('.el-alert__title .mono'))
  assert.ok(paymentNumber, 'the result names the payment')
  const receipt = await text(result.locator('[data-test=receipt-number]'))
  assert.match(receipt, /^R-LYY-\d{4}-\d{6}$/)
  // The billed plan is the quoted one.
  assert.equal(fenOf(await text(dialog.locator('[data-test=prepay-total]'))), total)
  const href = await result.locator('[data-test=receipt-pdf-link]').getAttribute('href')
  const pdf = await pageFetch(page, 'GET', href)
  assert.equal(pdf.status, 200)
  assert.ok(pdf.body.startsWith('%PDF'), 'the link is the receipt PDF')
  await shot(page, 'prepay-done')
  await dialog.locator('[data-test=prepay-close]').click()
  await dialog.waitFor({ state: 'hidden' })

  // One payment of the total, the newest (the house paid its bills for a year before);
  // nothing went to the prepaid balance.
  const history = page.locator('[data-test=payment-history] .el-table__row')
  await history.first().waitFor()
  await page.waitForFunction((n) => document.querySelector('[data-test=payment-history] .el-table__row td:nth-child(1)')?.textContent?.trim() === n, paymentNumber)
  const newest = (await history.first().locator('td').allInnerTexts()).map((c) => c.trim())
  assert.equal(newest[2], '现金')
  assert.equal(fenOf(newest[3]), total)
  assert.equal((await history.allInnerTexts()).filter((t) => t.includes(paymentNumber)).length, 1)
  assert.equal(fenOf(await text(page.locator('[data-test=account-prepaid]'))), prepaidBefore)
  await page.close()
})
