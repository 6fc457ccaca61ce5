// 抄表导入 on /admin: the manager dry-runs a CSV with a reading below the previous one (its
// line is named, 确认导入 stays off), then a good file (with a byte-order mark) passes the
// dry run, is imported and shows in the readings list of next month (the living demo reads
// every meter up to this month, so the import is for the month after).
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { launch, freshPage, login, shot, openMenu, pickOption, pageFetch, monthOf } from './lib.mjs'

let browser
const dir = mkdtempSync(path.join(tmpdir(), 'anju-import-'))
before(async () => { browser = await launch() })
after(async () => {
  await browser?.close()
  rmSync(dir, { recursive: true, force: true })
})

const READ = monthOf(0) // the last month the demo read
const NEXT = monthOf(1) // the month imported
const text = async (loc) => (await loc.innerText()).trim()
const csvFile = (name, body) => {
  const file = path.join(dir, name)
  writeFileSync(file, body)
  return file
}

test('manager imports a month of readings: a bad line blocks it, a good file goes in', async () => {
  const page = await freshPage(browser.context)
  await login(page, 'manager')

  // Two water meters of 锦华苑's last building in walking order (not 2号楼, read on /staff).
  const get = async (url) => JSON.parse((await pageFetch(page, 'GET', url)).body)
  const jhy = (await get('/api/v1/projects?size=100')).items.find((p) => p.name === '锦华苑')
  assert.ok(jhy, '锦华苑 exists')
  const first = await get(`/api/v1/meters?project_id=${jhy.id}&size=100`)
  const last = await get(`/api/v1/meters?project_id=${jhy.id}&size=100&page=${Math.ceil(first.total / 100)}`)
  const [a, b] = last.items.slice(-2)
  assert.ok(a && b && a.last_period === READ && b.last_period === READ, `meters read in ${READ}`)

  await openMenu(page, '收费管理', '抄表记录')
  await page.locator('[data-test=reading-import]').click()
  const dialog = page.locator('[data-test=import-dialog]')
  await dialog.waitFor()
  await pickOption(page, dialog.locator('[data-field=project_id]'), { text: '锦华苑' })
  const period = dialog.locator('[data-test=import-period] input')
  await period.fill(NEXT)
  await period.press('Enter')
  const confirm = dialog.locator('[data-test=import-confirm]')

  // Line 3 is 1.00 below the previous reading: the dry run names it, nothing can be imported.
  await dialog.locator('[data-test=import-file]').setInputFiles(csvFile('bad.csv',
    `表号,读数,备注\n${a.code},${a.last_reading + 500},\n${b.code},${b.last_reading - 100},\n`))
  await dialog.locator('[data-test=import-file-name]', { hasText: 'bad.csv' }).waitFor()
  await dialog.locator('[data-test=import-dry-run]').click()
  const failed = dialog.locator('[data-test=import-failures] .el-table__row')
  await failed.first().waitFor()
  assert.equal(await failed.count(), 1)
  assert.match(await text(failed.first()), new RegExp(`^3\\s+读数小于上次读数\\s+${b.code}:`))
  assert.ok(await confirm.isDisabled(), '确认导入 stays disabled after a failed dry run')
  await shot(page, 'reading-import-failed')

  // A good file (UTF-8 with a byte-order mark, CRLF): 5.00 and 8.00 m³ used.
  await dialog.locator('[data-test=import-file]').setInputFiles(csvFile('good.csv',
    `\uFEFF表号,读数,备注\r\n${a.code},${a.last_reading + 500},\r\n${b.code},${b.last_reading + 800},门口\r\n`))
  await dialog.locator('[data-test=import-file-name]', { hasText: 'good.csv' }).waitFor()
  await dialog.locator('[data-test=import-failures]').waitFor({ state: 'detached' })
  assert.ok(await confirm.isDisabled(), 'a new file needs its own dry run')
  await dialog.locator('[data-test=import-dry-run]').click()
  const rows = dialog.locator('[data-test=import-rows] .el-table__row')
  await rows.nth(1).waitFor()
  assert.match(await text(rows.nth(0)), new RegExp(`^2\\s+${a.code}[\\s\\S]*5\\.00\\s+正常`))
  assert.match(await text(rows.nth(1)), new RegExp(`^3\\s+${b.code}[\\s\\S]*8\\.00\\s+正常`))
  assert.ok(await confirm.isEnabled(), '确认导入 is enabled after the dry run passed')
  await shot(page, 'reading-import-dry-run')
  await confirm.click()
  await page.locator('.el-message--success', { hasText: '已导入 2 条读数' }).waitFor()
  await dialog.waitFor({ state: 'hidden' })

  // The list now shows 锦华苑's readings of NEXT: the two just imported.
  await page.waitForFunction(([x, y, m]) => {
    const t = document.querySelector('[data-test=reading-table] .el-table__body')?.textContent ?? ''
    return t.includes(x) && t.includes(y) && t.includes(m)
  }, [a.code, b.code, NEXT])
  assert.equal(await page.locator('[data-test=reading-table] .el-table__row').count(), 2)
  await shot(page, 'reading-import-done')
  await page.close()
})
