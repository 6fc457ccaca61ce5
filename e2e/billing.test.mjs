// Billing screens against a real anju with demo data, in the order the money moves: a fee
// item (with field errors), a bill run for 锦华苑 14 months ahead (a month nobody billed yet:
// preview, generate, generate again), the bill list, the cashier desk (a cash payment over
// what 1-1-0101 owes, this month's bills of the living demo among it, retried after a lost
// answer with the same Idempotency-Key), and the owner's bills on the phone.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import {
  BASE_URL, launch, freshPage, login, shot, openMenu, pickOption, chooseOptions, confirmBox, fenOf, yuanOf,
  phonePage, phoneLogin, consoleErrors, monthOf,
} from './lib.mjs'

let browser
before(async () => { browser = await launch() })
after(async () => { await browser?.close() })

const RUN = monthOf(14) // fresh: the living demo bills up to this month
const THIS = monthOf(0) // billed on the 1st; `owner` has not paid it yet
const unique = Date.now().toString(36).slice(-5).toUpperCase()
const text = async (loc) => (await loc.innerText()).trim()
/** 36212 → a pattern of "¥362.12", with the thousands commas the screens show. */
const shown = (fen) => '¥' + yuanOf(fen).replace(/\B(?=(\d{3})+(?!\d))/g, ',').replace('.', '\\.')

test('admin creates a fee item; a bad price and missing house kinds show next to their fields', async () => {
  const page = await freshPage(browser.context)
  await login(page, 'admin')
  await openMenu(page, '收费管理', '收费项目')
  const table = page.locator('[data-test=fee-table]')
  await table.locator('.el-table__row', { hasText: '住宅物业费' }).waitFor()
  // 2.35 元/m²/月 is stored as 23500 (1/100 分) and shown without floats.
  assert.match(await text(table.locator('.el-table__row', { hasText: 'WYF-ZZ' })), /2\.35/)

  await page.locator('[data-test=new-fee-item]').click()
  const dialog = page.locator('[data-test=fee-dialog]')
  await pickOption(page, dialog.locator('[data-field=project_id]'), { text: '绿园小区' })
  await dialog.locator('input[name=code]').fill(`E2E${unique}`)
  await dialog.locator('input[name=name]').fill('测试储藏室管理费')
  await dialog.locator('input[name=unit_price]').fill('2.345678')
  await dialog.locator('[data-test=dialog-save]').click()
  const priceError = dialog.locator('[data-field=unit_price] .el-form-item__error')
  await priceError.waitFor()
  assert.match(await text(priceError), /最多四位小数/)

  // A good price, but no house kind: the server's field error lands at the check boxes.
  await dialog.locator('input[name=unit_price]').fill('1.2345')
  await dialog.locator('[data-test=house-kinds]').getByText('住宅').click()
  await dialog.locator('[data-test=dialog-save]').click()
  const kindsError = dialog.locator('[data-field=house_kinds] .el-form-item__error')
  await kindsError.waitFor()
  assert.equal(await text(kindsError), '必填')
  await dialog.locator('[data-field=unit_price] .el-form-item__error').waitFor({ state: 'detached' })
  await shot(page, 'billing-fee-item-validation')

  await dialog.locator('[data-test=house-kinds]').getByText('储藏室').click()
  await dialog.locator('[data-test=dialog-save]').click()
  await dialog.waitFor({ state: 'hidden' })
  const row = table.locator('.el-table__row', { hasText: `E2E${unique}` })
  await row.waitFor()
  assert.match(await text(row), /测试储藏室管理费[\s\S]*1\.2345[\s\S]*储藏室/)
  await page.locator('.el-message').first().waitFor({ state: 'detached' })
  await shot(page, 'billing-fee-items')
  await page.close()
})

let generated = 0 // bills of 锦华苑 RUN made by the run below

test('manager previews a fresh 锦华苑 bill run, generates it, and a second run adds nothing', async () => {
  const page = await freshPage(browser.context)
  await login(page, 'manager')
  await openMenu(page, '收费管理', '账单生成')
  await chooseOptions(page, page.locator('[data-test=run-project]'), ['锦华苑'])
  const period = page.locator('[data-test=run-period] input')
  await period.fill(RUN)
  await period.press('Enter')
  assert.equal(await page.locator('[data-test=run-generate]').isDisabled(), true, 'generate waits for a preview')
  await page.locator('[data-test=run-preview]').click()
  const result = page.locator('[data-test=run-result]')
  await result.getByText(`预览：锦华苑 ${RUN}`).waitFor()
  const previewed = Number(await text(page.locator('[data-test=run-bills]')))
  assert.ok(previewed > 0, 'the preview has bills to make')
  assert.equal(await text(page.locator('[data-test=run-existing]')), '0')
  assert.match(await text(result.locator('[data-test=run-table]')), /住宅物业费[\s\S]*¥[\d,]+\.\d{2}/)
  await page.getByText('可放心重复生成').waitFor()
  await shot(page, 'billing-run-preview')

  await page.locator('[data-test=run-generate]').click()
  await confirmBox(page)
  await result.getByText(`已生成：锦华苑 ${RUN}`).waitFor()
  generated = Number(await text(page.locator('[data-test=run-bills]')))
  assert.equal(generated, previewed)

  await page.locator('[data-test=run-generate]').click()
  await confirmBox(page)
  await page.waitForFunction((n) =>
    document.querySelector('[data-test=run-existing]')?.textContent?.trim() === String(n), generated)
  assert.equal(await text(page.locator('[data-test=run-bills]')), '0')
  await shot(page, 'billing-run-again')

  // The home screen's card sums this month's bills.
  await page.goto(BASE_URL + '/admin')
  await page.locator('[data-test=billing-card] [data-test=month-receivable]').waitFor()
  assert.match(await text(page.locator('[data-test=billing-card]')), /应收[\s\S]*¥[\d,]+\.\d{2}[\s\S]*欠收/)
  await page.locator('[data-test=vacancy-chart] canvas').waitFor()
  await page.waitForFunction(() => !document.querySelector('.el-loading-mask'))
  await shot(page, 'billing-home-card')
  await page.close()
})

test('the bill list filters by month and status', async () => {
  const page = await freshPage(browser.context)
  await login(page, 'manager')
  await openMenu(page, '收费管理', '账单查询')
  const table = page.locator('[data-test=bill-table]')
  await table.locator('.el-table__row').first().waitFor()
  const period = page.locator('[data-test=bills-period] input')
  await period.fill(RUN)
  await period.press('Enter')
  await pickOption(page, page.locator('[data-test=bills-status]'), { text: '未结清' })
  await page.locator('.el-pagination__total', { hasText: String(generated) }).waitFor()
  assert.match(await text(table.locator('.el-table__row').first()), new RegExp(`B-JHY-${RUN.replace('-', '')}-\\d{6}[\\s\\S]*${RUN}[\\s\\S]*¥`))
  await shot(page, 'billing-bills')
  await page.close()
})

let paidFen = 0

test('cashier takes a cash payment over what 1-1-0101 owes; a lost answer is retried with the same key', async () => {
  const page = await freshPage(browser.context)
  await login(page, 'cashier')
  await openMenu(page, '收费管理', '收银台')
  await pickOption(page, page.locator('[data-test=cashier] [data-field=house_id]'), { query: '1-1-0101', text: '1-1-0101' })
  const account = page.locator('[data-test=cashier-account]')
  const openRows = account.locator('[data-test=open-bills] .el-table__row')
  await openRows.first().waitFor()
  // This month's property fee is among what the house owes.
  assert.equal(await openRows.filter({ hasText: '住宅物业费' }).filter({ hasText: THIS }).count(), 1)
  const owed = fenOf(await text(account.locator('[data-test=account-owed]')))
  assert.ok(owed > 0)
  // The amount defaults to what is owed; take 100 元 more.
  const amount = page.locator('[data-test=payment-form] input[name=amount]')
  assert.equal(await amount.inputValue(), yuanOf(owed))
  paidFen = owed + 10000
  await amount.fill(yuanOf(paidFen))

  // The first answer is lost on the way back: the money moved, the page saw a network error.
  const keys = []
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url().endsWith('/api/v1/payments')) keys.push(r.headers()['idempotency-key'])
  })
  await page.route('**/api/v1/payments', async (route) => {
    await route.fetch()
    await route.abort('connectionreset')
  }, { times: 1 })
  await page.locator('[data-test=take-payment]').click()
  await confirmBox(page)
  await page.locator('[data-test=retry-hint]').waitFor()
  await page.locator('[data-test=take-payment]').click()
  await confirmBox(page)
  const result = page.locator('[data-test=payment-result]')
  await result.waitFor()
  assert.equal(keys.length, 2)
  assert.match(keys[0], /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
  assert.equal(keys[1], keys[0], 'the retry reused the Idempotency-Key')

  assert.equal(await text(result.locator('[data-test=result-prepayment]')), '¥100.00')
  assert.equal(await text(result.locator('[data-test=result-owed]')), '¥0.00')
  assert.equal(await text(result.locator('[data-test=allocation-state]').first()), '已结清')
  await page.waitForFunction(() => document.querySelector('[data-test=account-prepaid]')?.textContent?.trim() === '¥100.00')
  assert.equal(await text(account.locator('[data-test=account-owed]')), '¥0.00')
  assert.equal(await openRows.count(), 0)
  // One payment, not two: the newest of the house's history (a year of payments before it).
  const history = page.locator('[data-test=payment-history] .el-table__row')
  await history.first().waitFor()
  const thisPayment = new RegExp(`现金[\\s\\S]*${shown(paidFen)}[\\s\\S]*¥100\\.00`)
  assert.match(await text(history.first()), thisPayment)
  assert.equal((await history.allInnerTexts()).filter((t) => thisPayment.test(t)).length, 1)
  await page.locator('.el-message').first().waitFor({ state: 'detached' })
  await shot(page, 'billing-cashier')
  await page.close()
})

test('owner sees the paid bill, nothing owed, the prepaid balance and the payment', async () => {
  const page = await phonePage(browser.context, 'owner')
  await phoneLogin(page, 'owner', 'owner')
  await page.locator('[data-test=tab-owner-bills]').click()
  const view = page.locator('[data-test=owner-bills]')
  await page.waitForFunction(() => document.querySelector('[data-test=total-owed]')?.textContent?.includes('¥'))
  assert.equal(await text(view.locator('[data-test=total-owed]')), '¥0.00')
  assert.match(await text(view.locator('[data-test=prepaid]')), /¥100\.00/)
  await view.locator('.van-tab', { hasText: '已缴' }).click()
  const paid = view.locator('[data-test=paid-bills] [data-test=bill-item]')
  await paid.first().waitFor()
  // This month's property fee, paid at the desk above, is among the paid bills.
  const fee = paid.filter({ hasText: '住宅物业费' }).filter({ hasText: THIS })
  assert.equal(await fee.count(), 1)
  assert.match(await text(fee), new RegExp(`住宅物业费[\\s\\S]*${THIS}[\\s\\S]*1-1-0101[\\s\\S]*已结清`))
  // The newest payment is the desk's, once (the year before it was paid too).
  const payment = view.locator('[data-test=owner-payments] [data-test=payment-item]')
  const cash = new RegExp(`1-1-0101[\\s\\S]*现金[\\s\\S]*${shown(paidFen)}`)
  assert.match(await text(payment.first()), cash)
  assert.equal((await payment.allInnerTexts()).filter((t) => cash.test(t)).length, 1)
  assert.equal(await view.getByRole('button', { name: /支付|缴费/ }).count(), 0, 'no pay button yet')
  await page.waitForTimeout(400) // the tab underline slides
  await shot(page, 'owner-bills')
  assert.deepEqual(consoleErrors(page), [], 'the page logged no console errors')
  await page.close()
})
