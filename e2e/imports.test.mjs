// 数据导入 in /admin: the admin chooses 房屋 and 锦华苑, downloads the CSV template, uploads a
// file of 4 houses of which 2 are bad (an area "abc", a missing 房号), sees the two bad rows
// with their lines, downloads them (2 data rows), uploads the corrected file (0 bad), commits
// it (4 created), then rolls the batch back from 导入记录. Building Z9 is not in the demo.
// Then 期初余额: its Excel template (named in Chinese) passes its own dry run unchanged, and a
// file of bad rows only leaves 确认导入 disabled, saying why.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { launch, freshPage, login, shot, openMenu, pickOption, confirmBox, watchConsole, consoleErrors } from './lib.mjs'

let browser
before(async () => { browser = await launch() })
after(async () => { await browser?.close() })

const text = async (loc) => (await loc.innerText()).trim()
/** The data lines of a CSV (a byte-order mark and blank lines dropped; the header removed). */
const dataLines = (csv) => csv.replace(/^\uFEFF/, '').split(/\r?\n/).filter((l) => l.trim() !== '').slice(1)

test('admin imports houses: dry run with bad rows, fixed file, commit, rollback', async () => {
  const page = await freshPage(browser.context)
  watchConsole(page)
  await login(page, 'admin')
  await openMenu(page, '系统', '数据导入')
  const flow = page.locator('[data-test=import-flow]')
  await flow.waitFor()
  await flow.locator('[data-test=import-kind] .el-radio-button', { hasText: '房屋' }).click()
  await pickOption(page, flow.locator('[data-test=import-project]'), { text: '锦华苑' })

  // The template: Chinese headers and an example row; its header line heads our files.
  const [template] = await Promise.all([page.waitForEvent('download'), flow.locator('[data-test=template-csv]').click()])
  assert.match(template.suggestedFilename(), /\.csv$/)
  const templateText = readFileSync(await template.path(), 'utf8').replace(/^\uFEFF/, '')
  const header = templateText.split(/\r?\n/)[0]
  assert.match(header, /楼栋编码.*单元.*楼层.*房号.*建筑面积/)
  const cols = header.split(',').map((h) => h.replace(/[*(（].*$/, ''))
  const row = (o) => cols.map((c) => o[c] ?? '').join(',')
  const house = (floor, number, gross, net) =>
    row({ 楼栋编码: 'Z9', 楼栋名称: 'Z9号楼', 单元: '1', 楼层: floor, 房号: number, 房屋类型: '住宅', 状态: '空置', 建筑面积: gross, 套内面积: net })
  const file = (lines) => Buffer.from('\uFEFF' + [header, ...lines].join('\r\n') + '\r\n', 'utf8')
  const upload = (name, buffer) =>
    flow.locator('[data-test=import-upload] input[type=file]').setInputFiles({ name, mimeType: 'text/csv', buffer })

  // A file with two bad rows (lines 3 and 4): the dry run reports them.
  await upload('z9-houses.csv', file([
    house('1', '0101', '89.50', '72.30'), house('1', '0102', 'abc', '72.30'),
    house('2', '', '89.50', '72.30'), house('2', '0201', '95.00', '80.00'),
  ]))
  const report = flow.locator('[data-test=import-report]').first()
  const badLines = report.locator('[data-test=bad-rows] [data-test=bad-line]')
  await badLines.nth(1).waitFor()
  assert.deepEqual(await badLines.allInnerTexts(), ['3', '4'])
  assert.equal(await text(report.locator('[data-test=count-bad] .n')), '2')
  assert.equal(await text(report.locator('[data-test=count-created] .n')), '2')
  assert.match(await text(report.locator('[data-test=bad-rows]')), /建筑面积[\s\S]*房号/)
  assert.match(await text(flow.locator('[data-test=import-commit-warning]')), /2 行错误/)
  // The filter by column keeps the row whose 房号 is missing.
  await pickOption(page, report.locator('[data-test=bad-filter-column]'), { text: '房号' })
  assert.deepEqual(await badLines.allInnerTexts(), ['4'])
  await shot(page, 'imports-dry-run')

  const [bad] = await Promise.all([page.waitForEvent('download'), report.locator('[data-test=bad-download-csv]').click()])
  assert.equal(dataLines(readFileSync(await bad.path(), 'utf8')).length, 2)

  // The corrected file: no bad row; commit it.
  await upload('z9-houses-fixed.csv', file([
    house('1', '0101', '89.50', '72.30'), house('1', '0102', '88.00', '72.30'),
    house('2', '0202', '89.50', '72.30'), house('2', '0201', '95.00', '80.00'),
  ]))
  await flow.locator('[data-test=import-no-bad]').waitFor()
  assert.equal(await text(report.locator('[data-test=count-created] .n')), '4')
  await flow.locator('[data-test=import-commit]').click()
  await confirmBox(page)
  const result = flow.locator('[data-test=import-commit-result]')
  await result.waitFor()
  assert.match(await text(result), /导入完成/)
  const stage = flow.locator('[data-test=import-commit-stage]')
  assert.equal(await text(stage.locator('[data-test=count-created] .n')), '4')
  assert.equal(await text(stage.locator('[data-test=count-bad] .n')), '0')
  await shot(page, 'imports-committed')

  // 导入记录: the commit is the newest batch; roll it back and see what was removed.
  await flow.locator('[data-test=import-view-batches]').click()
  const first = page.locator('[data-test=batches-table] .el-table__row').first()
  await first.waitFor()
  assert.match(await text(first), /z9-houses-fixed\.csv[\s\S]*导入[\s\S]*已完成/)
  await first.locator('[data-test=batch-rollback]').click()
  await confirmBox(page)
  const drawer = page.locator('[data-test=batch-drawer]')
  await drawer.locator('[data-test=rollback-report]').waitFor()
  assert.match(await text(drawer.locator('[data-test=rollback-house]')), /房屋\s*删除 4/)
  assert.match(await text(drawer.locator('[data-test=rollback-building]')), /楼栋\s*删除 1/)
  assert.equal(await text(drawer.locator('[data-test=batch-status]')), '已回滚')
  await shot(page, 'imports-rolled-back')
  await drawer.locator('.el-drawer__close-btn').click()
  await drawer.waitFor({ state: 'hidden' })
  await page.locator('[data-test=batches-table] .el-table__row').first().locator('[data-test=batch-status]', { hasText: '已回滚' }).waitFor()
  assert.equal(await first.locator('[data-test=batch-rollback]').count(), 0)
  assert.deepEqual(consoleErrors(page), [])
  await page.close()
})

test('the 期初余额 template passes its own dry run; a file of bad rows only cannot be committed', async () => {
  const page = await freshPage(browser.context)
  watchConsole(page)
  await login(page, 'admin')
  await openMenu(page, '系统', '数据导入')
  const flow = page.locator('[data-test=import-flow]')
  await flow.waitFor()
  await flow.locator('[data-test=import-kind] .el-radio-button', { hasText: '期初余额' }).click()
  await pickOption(page, flow.locator('[data-test=import-project]'), { text: '锦华苑' })
  assert.match(await text(flow), /UTF-8 或 GB18030/)

  // The Excel template, as downloaded, uploaded unchanged: no bad row, and something to import.
  const [template] = await Promise.all([page.waitForEvent('download'), flow.locator('[data-test=template-xlsx]').click()])
  assert.equal(template.suggestedFilename(), '期初余额导入模板.xlsx')
  const upload = (name, mimeType, buffer) =>
    flow.locator('[data-test=import-upload] input[type=file]').setInputFiles({ name, mimeType, buffer })
  await upload('期初余额导入模板.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    readFileSync(await template.path()))
  await flow.locator('[data-test=import-no-bad]').waitFor()
  const report = flow.locator('[data-test=import-report]').first()
  assert.equal(await text(report.locator('[data-test=count-bad] .n')), '0')
  assert.equal(await text(report.locator('[data-test=count-created] .n')), '1')
  assert.equal(await flow.locator('[data-test=import-commit]').isEnabled(), true)
  assert.equal(await flow.locator('[data-test=import-nothing-to-import]').count(), 0)

  // Bad rows only (a house that does not exist, an amount that is not one): 确认导入 stays
  // disabled and says why.
  const csv = '\uFEFF房号*,类型*,收费项目编码,账期,金额(元)*,备注\r\nZ9-9-9999,欠费,WYF-ZZ,2024-06,10.00,\r\n1-1-0301,预存,,,abc,\r\n'
  await upload('bad-balances.csv', 'text/csv', Buffer.from(csv, 'utf8'))
  await report.locator('[data-test=bad-rows] [data-test=bad-line]').nth(1).waitFor()
  assert.equal(await text(report.locator('[data-test=count-bad] .n')), '2')
  const commit = flow.locator('[data-test=import-commit]')
  assert.equal(await commit.isDisabled(), true)
  assert.match(await text(flow.locator('[data-test=import-nothing-to-import]')), /没有可导入的行/)
  await shot(page, 'imports-nothing-to-import')
  assert.deepEqual(consoleErrors(page), [])
  await page.close()
})
