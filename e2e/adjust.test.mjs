// Corrections in the console: HQ lowers the approval threshold in 收费设置, the manager of
// 绿园小区 requests a credit note (冲减) above it from 账单查询, cannot approve it himself,
// and finance approves it in 审批中心 — the second-person rule end to end. It makes sure
// 绿园小区 has this month's bills (the living demo billed them on the 1st; a repeated run
// adds nothing).
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { launch, freshPage, login, shot, openMenu, pickOption, pageFetch, monthOf } from './lib.mjs'

let browser
before(async () => { browser = await launch() })
after(async () => { await browser?.close() })

const settings = (threshold) => ({ approval_threshold: threshold, allocation_order: 'late_fees_first', auto_apply_prepayment: false })

test('a credit note above the threshold is requested by one user and approved by another', async () => {
  let page = await freshPage(browser.context)
  await login(page, 'admin')
  const projects = JSON.parse((await pageFetch(page, 'GET', '/api/v1/projects?size=100')).body).items
  const lyy = projects.find((p) => p.name === '绿园小区')
  const run = await pageFetch(page, 'POST', '/api/v1/bill-runs', { project_id: lyy.id, period: monthOf(0), dry_run: false })
  assert.ok(run.status < 300, `bill run: ${run.status} ${run.body}`)

  // 收费设置: 10 元 instead of the default 500 元.
  await openMenu(page, '收费管理', '收费设置')
  const threshold = page.locator('[data-test=billing-settings] input[name=approval_threshold]')
  await threshold.fill('10.00')
  await page.locator('[data-test=settings-save]').click()
  await page.locator('.el-message--success').waitFor()
  await page.close()

  try {
    // The manager of 绿园小区 asks for 20 元 off 1-1-0101's property fee.
    page = await freshPage(browser.context)
    await login(page, 'p2.management')
    const me = JSON.parse((await pageFetch(page, 'GET', '/api/v1/me')).body)
    await openMenu(page, '收费管理', '账单查询')
    await pickOption(page, page.locator('[data-test=bills-house]'), { query: '1-1-0101', text: '1-1-0101' })
    const row = page.locator('[data-test=bill-table] .el-table__body-wrapper .el-table__row', { hasText: '物业费' }).first()
    await row.waitFor()
    await row.locator('[data-test=bill-credit]').click()
    const dialog = page.locator('[data-test=adjust-dialog]')
    await dialog.locator('input[name=amount]').fill('20.00')
    await dialog.locator('textarea[name=reason]').fill('电梯停运两周，业委会同意减免')
    await dialog.locator('[data-test=adjust-submit]').click()
    await page.locator('.el-message--success', { hasText: '等待审批' }).waitFor()

    await openMenu(page, '收费管理', '审批中心')
    const mine = page.locator('[data-test=approvals-table] .el-table__body-wrapper .el-table__row').first()
    await mine.waitFor()
    assert.match(await mine.innerText(), new RegExp(`1-1-0101[\\s\\S]*¥20\\.00[\\s\\S]*电梯停运[\\s\\S]*${me.name}`))
    assert.match(await page.locator('[data-test=approvals-table]').innerText(), /自己的申请需由他人审批/)
    await page.close()

    // Finance approves it.
    page = await freshPage(browser.context)
    await login(page, 'finance')
    await openMenu(page, '收费管理', '审批中心')
    await page.locator('[data-test=approvals-requester]', { hasText: me.name }).first().waitFor()
    await shot(page, 'billing-approvals')
    await page.locator('[data-test=approve]').first().click()
    await page.locator('[data-test=decide-dialog] textarea[name=reason]').fill('已核实')
    await page.locator('[data-test=decide-confirm]').click()
    await page.locator('.el-message--success', { hasText: '已通过' }).waitFor()
    const applied = JSON.parse((await pageFetch(page, 'GET', '/api/v1/adjustments?status=applied')).body)
    assert.equal(applied.total, 1)
    assert.equal(applied.items[0].amount, 2000)
    assert.equal(applied.items[0].requested_by_name, me.name)
    assert.equal(applied.items[0].decided_by_name, '周会计')
    await page.close()
  } finally {
    page = await freshPage(browser.context)
    await login(page, 'admin')
    const restored = await pageFetch(page, 'PUT', '/api/v1/billing-settings', settings(50000))
    assert.equal(restored.status, 200, restored.body)
    await page.close()
  }
})
