// 优惠规则 end to end, previews only (nothing is billed): the manager finds the demo rule on
// the 收费项目 page's 优惠规则 tab, creates a 10 % rule for 住宅物业费 in 锦华苑 for a month 15
// months ahead (not billed yet, so a preview makes its bills; a bad percentage is refused
// first), sees the bill-run preview of that month take it off, switches the rule off and sees
// the preview's discount drop to zero.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { BASE_URL, launch, freshPage, login, shot, openMenu, pickOption, chooseOptions, fenOf, monthOf } from './lib.mjs'

let browser
before(async () => { browser = await launch() })
after(async () => { await browser?.close() })

const unique = Date.now().toString(36).slice(-5).toUpperCase()
const text = async (loc) => (await loc.innerText()).trim()
const MONTH = monthOf(15)
// The demo's Spring Festival rule: January and February of this year until February, else
// of the next.
const festival = (() => {
  const [y, m] = monthOf(0).split('-').map(Number)
  return m <= 2 ? y : y + 1
})()

/** Previews 锦华苑 MONTH on the runs screen; the total discount and the 住宅物业费 row's
 *  cells [code, name, bills, discount, amount, existing]. */
async function preview(page) {
  await page.goto(BASE_URL + '/admin/billing/runs')
  await chooseOptions(page, page.locator('[data-test=run-project]'), ['锦华苑'])
  const period = page.locator('[data-test=run-period] input')
  await period.fill(MONTH)
  await period.press('Enter')
  await page.locator('[data-test=run-preview]').click()
  const result = page.locator('[data-test=run-result]')
  await result.getByText(`预览：锦华苑 ${MONTH}`).waitFor()
  const row = result.locator('[data-test=run-table] .el-table__body .el-table__row', { hasText: '住宅物业费' })
  const cells = await row.locator('td').allInnerTexts()
  return { discount: fenOf(await text(page.locator('[data-test=run-discount]'))), cells: cells.map((c) => c.trim()) }
}

test('manager creates a 10 % rule for 住宅物业费 in a month ahead, the preview takes it off, switching it off removes it', async () => {
  const page = await freshPage(browser.context)
  await login(page, 'manager')
  await openMenu(page, '收费管理', '收费项目')
  await page.locator('#tab-discounts').click()
  await page.waitForURL((u) => u.searchParams.get('tab') === 'discounts')
  await pickOption(page, page.locator('[data-test=discount-project]'), { text: '锦华苑' })
  const table = page.locator('[data-test=discount-table]')
  // The demo rule: 500 bp off shown as 9.5 折 and 减 5%.
  assert.match(await text(table.locator('.el-table__row', { hasText: '春节商铺九五折' })), new RegExp(`9\\.5 折[\\s\\S]*减 5%[\\s\\S]*${festival}-01 ~ ${festival}-02`))

  await page.locator('[data-test=new-discount]').click()
  const dialog = page.locator('[data-test=discount-dialog]')
  await pickOption(page, dialog.locator('[data-field=project_id]'), { text: '锦华苑' })
  await pickOption(page, dialog.locator('[data-field=fee_item_id]'), { text: '住宅物业费' })
  await dialog.locator('input[name=name]').fill(`E2E九折${unique}`)
  for (const [name, value] of [['period_from', MONTH], ['period_to', MONTH]]) {
    const input = dialog.locator(`input[name=${name}]`)
    await input.fill(value)
    await input.press('Enter')
  }
  // Three decimals is not a percentage the form takes (no floats reach the server).
  await dialog.locator('input[name=rate]').fill('10.005')
  await dialog.locator('[data-test=dialog-save]').click()
  await dialog.locator('[data-field=rate_bp] .el-form-item__error').getByText('最多两位小数').waitFor()
  await dialog.locator('input[name=rate]').fill('10')
  assert.match(await text(dialog.locator('[data-test=rate-preview]')), /即 9 折，按原价的 90% 收取/)
  await shot(page, 'discounts-dialog')
  await dialog.locator('[data-test=dialog-save]').click()
  await dialog.waitFor({ state: 'hidden' })
  const mine = table.locator('.el-table__row', { hasText: `E2E九折${unique}` })
  await mine.waitFor()
  assert.match(await text(mine), new RegExp(`住宅物业费[\\s\\S]*9 折[\\s\\S]*减 10%[\\s\\S]*${MONTH} ~ ${MONTH}`))
  assert.equal(await mine.locator('[data-test=discount-active]').getAttribute('class').then((c) => /is-checked/.test(c)), true)
  await shot(page, 'discounts-list')

  // The preview of MONTH takes 10 % off each 住宅物业费 bill (rounded per bill).
  const on = await preview(page)
  assert.ok(on.discount > 0, 'the preview shows a discount')
  const [, , bills, discount, amount] = on.cells
  const d = fenOf(discount), net = fenOf(amount), n = Number(bills)
  assert.ok(n > 0 && d > 0 && d <= on.discount)
  assert.ok(Math.abs(10 * d - (net + d)) <= 50 * n, `10 % of ${net + d} is about ${d}`)
  await shot(page, 'discounts-run-preview')

  // Switched off, the rule no longer applies.
  await page.goto(BASE_URL + '/admin/billing/fee-items?tab=discounts')
  await pickOption(page, page.locator('[data-test=discount-project]'), { text: '锦华苑' })
  await mine.waitFor()
  await mine.locator('[data-test=discount-active]').click()
  await page.locator('.el-message', { hasText: `“E2E九折${unique}”已停用` }).waitFor()
  assert.equal(/is-checked/.test(await mine.locator('[data-test=discount-active]').getAttribute('class')), false)

  const off = await preview(page)
  assert.equal(off.discount, 0)
  assert.equal(fenOf(off.cells[3]), 0)
  assert.equal(fenOf(off.cells[4]), net + d, 'without the rule the item bills the gross')
  await page.close()
})
