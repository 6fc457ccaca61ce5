// 计费周期 and 阶梯价 on the 收费项目 screen (no bill runs): the admin creates a quarterly
// fixed item in 锦华苑 and sees 季 in the list, a metered water item with two tiers (22 m³ at
// 4.60, then 5.90) and sees them listed, and tries tiers whose limits do not rise: the
// server's error lands on the 阶梯价 field. Both items are switched off at the end so later
// tests' bill runs do not see them.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { launch, freshPage, login, shot, openMenu, pickOption, pageFetch } from './lib.mjs'

let browser
before(async () => { browser = await launch() })
after(async () => { await browser?.close() })

const unique = Date.now().toString(36).slice(-4).toUpperCase()
const text = async (loc) => (await loc.innerText()).trim()

/** Opens the new-item dialog for 锦华苑 with a code and a name filled in. */
async function newItem(page, code, name) {
  await page.locator('[data-test=new-fee-item]').click()
  const dialog = page.locator('[data-test=fee-dialog]')
  await pickOption(page, dialog.locator('[data-field=project_id]'), { text: '锦华苑' })
  await dialog.locator('input[name=code]').fill(code)
  await dialog.locator('input[name=name]').fill(name)
  return dialog
}

/** Clicks save and returns the created item (the POST's answer). */
async function saveCreated(page, dialog) {
  const answer = page.waitForResponse((r) => r.url().endsWith('/api/v1/fee-items') && r.request().method() === 'POST')
  await dialog.locator('[data-test=dialog-save]').click()
  const res = await answer
  assert.equal(res.status(), 201, await res.text())
  await dialog.waitFor({ state: 'hidden' })
  return res.json()
}

test('admin creates a quarterly fixed item and a tiered metered item; falling tier limits are refused on the field', async () => {
  const page = await freshPage(browser.context)
  await login(page, 'admin')
  await openMenu(page, '收费管理', '收费项目')
  const table = page.locator('[data-test=fee-table]')
  await table.locator('.el-table__row').first().waitFor()

  // 季: one bill a quarter (cycle_months 3).
  let dialog = await newItem(page, `E2E-LHF${unique}`, '绿化费（季度）')
  await dialog.locator('[data-field=method]').getByText('固定金额').click()
  await dialog.locator('input[name=unit_price]').fill('30')
  await dialog.locator('[data-test=fee-cycle]').getByText('季').click()
  const quarterly = await saveCreated(page, dialog)
  assert.equal(quarterly.cycle_months, 3)
  const qRow = table.locator('.el-table__row', { hasText: `E2E-LHF${unique}` })
  assert.equal(await text(qRow.locator('[data-test=fee-cycle]')), '季')

  // 阶梯水价: 22 m³ at 4.60 元, 5.90 above; a metered item is billed monthly.
  dialog = await newItem(page, `E2E-SF${unique}`, '阶梯水费')
  await pickOption(page, dialog.locator('[data-field=kind]'), { text: '水费' })
  await dialog.locator('[data-field=method]').getByText('按用量').click()
  assert.equal(await dialog.locator('[data-test=fee-cycle] input[value="3"]').isDisabled(), true)
  await dialog.locator('[data-test=tier-add]').click()
  const upTo = dialog.locator('input[name=tier_up_to]')
  const price = dialog.locator('input[name=tier_price]')
  await upTo.nth(0).fill('22')
  await price.nth(0).fill('4.60')
  await price.nth(1).fill('5.90')
  const metered = await saveCreated(page, dialog)
  assert.deepEqual(metered.tiers, [[2200, 46000], [null, 59000]])
  assert.equal(metered.cycle_months, 1)
  const mRow = table.locator('.el-table__row', { hasText: `E2E-SF${unique}` })
  assert.equal(await text(mRow.locator('[data-test=fee-tiers]')), '≤22 m³ ¥4.60 · >22 m³ ¥5.90')
  assert.equal(await text(mRow.locator('[data-test=fee-cycle]')), '月')
  await shot(page, 'fee-cycle-list')

  // Limits that do not rise (30 then 22.5): only the server checks that, and says so at 阶梯价.
  dialog = await newItem(page, `E2E-DF${unique}`, '阶梯电费')
  await pickOption(page, dialog.locator('[data-field=kind]'), { text: '电费' })
  await dialog.locator('[data-field=method]').getByText('按用量').click()
  await dialog.locator('[data-test=tier-add]').click()
  await dialog.locator('[data-test=tier-add]').click()
  for (const [i, limit, p] of [[0, '30', '0.52'], [1, '22.5', '0.57'], [2, '', '0.82']]) {
    if (limit) await upTo.nth(i).fill(limit)
    await price.nth(i).fill(p)
  }
  assert.match(await text(dialog.locator('[data-test=tier-row]').nth(1)), /度/)
  const answer = page.waitForResponse((r) => r.url().endsWith('/api/v1/fee-items') && r.request().method() === 'POST')
  await dialog.locator('[data-test=dialog-save]').click()
  assert.equal((await answer).status(), 400)
  const tiersError = dialog.locator('[data-field=tiers] .el-form-item__error')
  await tiersError.waitFor()
  assert.match(await text(tiersError), /逐档递增/)
  await shot(page, 'fee-cycle-bad-tiers')
  await dialog.getByRole('button', { name: '取消' }).click()
  await dialog.waitFor({ state: 'hidden' })

  for (const item of [quarterly, metered]) {
    const res = await pageFetch(page, 'PATCH', `/api/v1/fee-items/${item.id}`, { active: false })
    assert.equal(res.status, 200, res.body)
  }
  await page.close()
})
