// /admin console against a real anju with demo data.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { BASE_URL, launch, freshPage, login, shot, pageFetch, openMenu } from './lib.mjs'

let browser
before(async () => { browser = await launch() })
after(async () => { await browser?.close() })

const unique = Date.now().toString(36).slice(-5).toUpperCase()

test('admin creates a building and two houses and sees them in the tree and the table', async () => {
  const page = await freshPage(browser.context)
  await login(page, 'admin')
  await openMenu(page, '房产档案', '房屋管理')
  await page.locator('[data-test=house-table] .el-table__row').first().waitFor()
  await shot(page, 'admin-houses')

  // Building → entrance → floor.
  const buildingName = `E2E楼${unique}`
  await page.locator('[data-test=new-building]').click()
  let dialog = page.locator('[data-test=structure-dialog]')
  await dialog.locator('input[name=code]').fill(`E${unique}`)
  await dialog.locator('input[name=name]').fill(buildingName)
  await dialog.locator('[data-test=dialog-save]').click()
  const tree = page.locator('[data-test=structure-tree]')
  const buildingNode = tree.locator('.el-tree-node__content', { hasText: buildingName })
  await buildingNode.waitFor()
  await buildingNode.hover()
  await buildingNode.locator('[data-test=add-entrance]').click()
  await dialog.locator('input[name=code]').fill('1')
  await dialog.locator('input[name=name]').fill('1单元')
  await dialog.locator('[data-test=dialog-save]').click()
  await dialog.waitFor({ state: 'hidden' })
  const entranceNode = tree.locator('.el-tree-node', { hasText: buildingName }).locator('.el-tree-node__content', { hasText: '1单元' })
  await entranceNode.waitFor()
  await entranceNode.hover()
  await entranceNode.locator('[data-test=add-floor]').click()
  await dialog.locator('input[name=name]').fill('1层')
  await dialog.locator('[data-test=dialog-save]').click()
  await dialog.waitFor({ state: 'hidden' })
  const floorNode = tree.locator('.el-tree-node', { hasText: buildingName }).locator('.el-tree-node__content', { hasText: '1层' })
  await floorNode.waitFor()
  await floorNode.locator('.label').click()

  // Two houses on the selected floor.
  dialog = page.locator('[data-test=house-dialog]')
  for (const [number, gross, net] of [['0101', '98.50', '80.25'], ['0102', '120', '99.99']]) {
    await page.locator('[data-test=new-house]').click()
    await dialog.locator('input[name=number]').fill(number)
    await dialog.locator('input[name=gross_area]').fill(gross)
    await dialog.locator('input[name=net_area]').fill(net)
    await dialog.locator('[data-test=dialog-save]').click()
    await dialog.waitFor({ state: 'hidden' })
  }
  const table = page.locator('[data-test=house-table]')
  await table.locator('.el-table__row', { hasText: `E${unique}-1-0101` }).waitFor()
  await table.locator('.el-table__row', { hasText: `E${unique}-1-0102` }).waitFor()
  assert.match(await table.locator('.el-table__row', { hasText: `E${unique}-1-0101` }).innerText(), /98\.50[\s\S]*80\.25/)
  assert.match(await table.locator('.el-table__row', { hasText: `E${unique}-1-0102` }).innerText(), /120\.00[\s\S]*99\.99/)
  // The tree counts the two houses on the building.
  await assert.doesNotReject(buildingNode.locator('.count', { hasText: '2' }).waitFor())
  await shot(page, 'admin-houses-created')

  // The house drawer with residents and vehicles of a demo house.
  await tree.locator('.scope').click()
  await table.locator('.el-table__row').first().locator('button', { hasText: '详情' }).click()
  await page.locator('[data-test=house-drawer] .el-descriptions').waitFor()
  await page.waitForTimeout(300)
  await shot(page, 'admin-house-drawer')
  await page.close()
})

test('a server validation error appears next to the right field', async () => {
  const page = await freshPage(browser.context)
  await login(page, 'admin')
  await page.goto(BASE_URL + '/admin/property/houses')
  const tree = page.locator('[data-test=structure-tree]')
  const floor = tree.locator('[data-test=node-building]').first()
  await floor.waitFor()
  // Expand the first building and entrance, pick the first floor.
  await tree.locator('.el-tree-node__expand-icon').first().click()
  await tree.locator('[data-test=node-entrance]').first().waitFor()
  await tree.locator('.el-tree-node.is-expanded .el-tree-node__children .el-tree-node__expand-icon').first().click()
  await tree.locator('[data-test=node-floor]').first().locator('.label').click()
  await page.locator('[data-test=new-house]').click()
  const dialog = page.locator('[data-test=house-dialog]')
  await dialog.locator('input[name=number]').fill(`V${unique}`)
  await dialog.locator('input[name=gross_area]').fill('50.00')
  await dialog.locator('input[name=net_area]').fill('60.00')
  await dialog.locator('[data-test=dialog-save]').click()
  const netError = dialog.locator('[data-field=net_area] .el-form-item__error')
  await netError.waitFor()
  assert.equal((await netError.innerText()).trim(), '套内面积不能大于建筑面积')
  assert.equal(await dialog.locator('[data-field=gross_area] .el-form-item__error').count(), 0)
  await shot(page, 'admin-house-validation')
  await page.close()
})

test('switching the language changes the menu', async () => {
  const page = await freshPage(browser.context)
  await login(page, 'admin')
  const menu = page.locator('[data-test=side-menu]')
  await menu.getByText('房产档案').waitFor()
  await page.locator('[data-test=lang-switch]').getByText('English').click()
  await menu.getByText('Property registry').waitFor()
  await menu.getByText('Organisation').waitFor()
  assert.equal(await menu.getByText('房产档案').count(), 0)
  await shot(page, 'admin-home-en')
  await page.locator('[data-test=lang-switch]').getByText('中文').click()
  await menu.getByText('房产档案').waitFor()
  await page.close()
})

test('the menu follows the permission codes', async () => {
  const page = await freshPage(browser.context)
  await login(page, 'engineer')
  const menu = page.locator('[data-test=side-menu]')
  await menu.getByText('房产档案').waitFor()
  assert.equal(await menu.getByText('员工管理').count(), 0)
  assert.equal(await menu.getByText('审计日志').count(), 0)
  assert.equal(await menu.getByText('住户管理').count(), 0)
  await page.close()
})

test('cashier (no pii:unmask) sees no unmask button and gets 403 from the API', async () => {
  const page = await freshPage(browser.context)
  await login(page, 'cashier')
  await page.goto(BASE_URL + '/admin/property/residents')
  const rows = page.locator('[data-test=resident-table] .el-table__row')
  await rows.first().waitFor()
  assert.equal(await page.locator('[data-test=unmask]:visible').count(), 0)
  assert.match(await rows.first().locator('[data-test=phone]').innerText(), /\*/)
  const r = await pageFetch(page, 'POST', '/api/v1/residents/1/unmask', { reason: '核对身份' })
  assert.equal(r.status, 403, r.body)
  assert.equal(JSON.parse(r.body).error.i18n, 'auth.forbidden')
  await shot(page, 'admin-residents-cashier')
  await page.close()
})

test('service unmasks a resident after giving a reason', async () => {
  const page = await freshPage(browser.context)
  await login(page, 'service')
  await page.goto(BASE_URL + '/admin/property/residents')
  const row = page.locator('[data-test=resident-table] .el-table__row').first()
  await row.waitFor()
  assert.match(await row.locator('[data-test=phone]').innerText(), /\*/)
  await row.locator('[data-test=unmask]').click()
  const dialog = page.locator('[data-test=unmask-dialog]')
  await dialog.locator('[data-test=unmask-confirm]').click()
  await dialog.locator('.el-form-item__error').waitFor()
  await dialog.locator('textarea[name=reason]').fill('业主来电核对身份')
  await dialog.locator('[data-test=unmask-confirm]').click()
  await dialog.waitFor({ state: 'hidden' })
  await page.waitForFunction(() => !document.querySelector('[data-test=resident-table] .el-table__row [data-test=phone]')?.textContent?.includes('*'))
  assert.match(await row.locator('[data-test=phone]').innerText(), /^1\d{10}$/)
  await shot(page, 'admin-residents-unmasked')
  await page.close()
})

test('screenshots of the main screens', async () => {
  const page = await freshPage(browser.context)
  await page.goto(BASE_URL + '/admin/login')
  await page.locator('[data-test=login-form]').waitFor()
  await shot(page, 'admin-login')
  await login(page, 'admin')
  await page.locator('[data-test=vacancy-chart] canvas').waitFor()
  await page.waitForTimeout(600)
  await shot(page, 'admin-home')
  for (const [path, name, ready] of [
    ['/admin/org/projects', 'admin-projects', '.el-table__row'],
    ['/admin/org/departments', 'admin-departments', '.el-table'],
    ['/admin/org/staff', 'admin-staff', '.el-table__row'],
    ['/admin/org/roles', 'admin-roles', '.el-table__row'],
    ['/admin/property/residents', 'admin-residents', '.el-table__row'],
    ['/admin/property/vehicles', 'admin-vehicles', '.el-table__row'],
    ['/admin/property/parking', 'admin-parking', '.el-table__row'],
    ['/admin/audit', 'admin-audit', '.el-table__row'],
  ]) {
    await page.goto(BASE_URL + path)
    await page.locator(ready).first().waitFor()
    await page.locator('.el-loading-mask').first().waitFor({ state: 'detached' }).catch(() => {})
    await shot(page, name)
  }
  await page.locator('[data-test=verify-chain]').click()
  const result = page.locator('[data-test=verify-result]')
  await result.waitFor()
  assert.match(await result.innerText(), /哈希链完整/)
  await shot(page, 'admin-audit-verified')
  await page.goto(BASE_URL + '/admin/org/staff')
  await page.locator('.el-table__row').first().locator('button', { hasText: '授权' }).click()
  await page.locator('.el-drawer .el-table__row').first().waitFor()
  await shot(page, 'admin-staff-grants')
  await page.close()
})

/** Picks an option of the select inside `field` (a [data-field] form item): types `query`
 *  when given (remote search) and clicks the first visible option containing `text`. */
async function pick(page, field, { query, text } = {}) {
  await noOpenDropdown(page)
  await field.locator('.el-select__wrapper').click()
  if (query) await field.locator('input').fill(query)
  const option = page.locator('.el-select-dropdown__item:visible', text ? { hasText: text } : {}).first()
  await option.waitFor()
  const label = await option.innerText()
  await option.click()
  await noOpenDropdown(page)
  return label
}

/** Waits until every select dropdown has finished closing. */
const noOpenDropdown = (page) => page.waitForFunction(() =>
  [...document.querySelectorAll('.el-select__popper')].every((e) => e.getClientRects().length === 0))

test('service adds, links, ends and removes residents in the house drawer', async () => {
  const page = await freshPage(browser.context)
  await login(page, 'service')
  await page.goto(BASE_URL + '/admin/property/houses')
  const row = page.locator('[data-test=house-table] .el-table__row').nth(3)
  await row.waitFor()
  const code = (await row.locator('td').first().innerText()).trim()
  await row.locator('button', { hasText: '详情' }).click()
  const drawer = page.locator('[data-test=house-drawer]')
  await drawer.locator('.el-descriptions').waitFor()
  assert.match(await drawer.locator('.el-drawer__header').innerText(), new RegExp(code))
  const rows = drawer.locator('[data-test=house-residents] .el-table__row')

  // A new resident straight into the house; a bad phone first shows the server's field error.
  await drawer.locator('[data-test=add-resident]').click()
  let dialog = page.locator('[data-test=new-resident-dialog]')
  await dialog.locator('input[name=name]').fill('测试租户')
  await dialog.locator('input[name=phone]').fill('1390000')
  await dialog.locator('[data-test=relation]').getByText('租户').click()
  await dialog.locator('[data-test=dialog-save]').click()
  await dialog.locator('[data-field=phone] .el-form-item__error').waitFor()
  assert.equal(await dialog.locator('[data-field=name] .el-form-item__error').count(), 0)
  await dialog.locator('input[name=phone]').fill('13900001234')
  await dialog.locator('[data-test=dialog-save]').click()
  await dialog.waitFor({ state: 'hidden' })
  const tenant = rows.filter({ hasText: '测试租户' })
  await tenant.waitFor()
  assert.match(await tenant.innerText(), /租户/)
  assert.equal((await tenant.locator('[data-test=phone]').innerText()).trim(), '139****1234')

  // An existing resident of the project not yet in this house, found by part of the name.
  const houseId = JSON.parse((await pageFetch(page, 'GET', `/api/v1/houses?q=${encodeURIComponent(code)}`)).body)
    .items.find((h) => h.code === code).id
  const inHouse = JSON.parse((await pageFetch(page, 'GET', `/api/v1/houses/${houseId}/residents`)).body).items.map((l) => l.resident_id)
  const other = JSON.parse((await pageFetch(page, 'GET', '/api/v1/residents?size=50')).body)
    .items.find((r) => !inHouse.includes(r.id) && r.name.length >= 2)
  assert.ok(other, 'a resident to link')
  dialog = page.locator('[data-test=link-dialog]')
  for (const attempt of ['first', 'duplicate']) {
    await drawer.locator('[data-test=link-resident]').click()
    await pick(page, dialog.locator('[data-field=resident_id]'), { query: other.name, text: other.phone })
    await dialog.locator('[data-field=relation] .el-select__wrapper').click()
    await page.locator('.el-select-dropdown__item:visible', { hasText: '家属' }).click()
    await dialog.locator('[data-test=dialog-save]').click()
    if (attempt === 'first') {
      await dialog.waitFor({ state: 'hidden' })
      await rows.filter({ hasText: other.name }).waitFor()
      await page.waitForTimeout(300)
      await shot(page, 'house-drawer-residents')
    } else {
      const error = dialog.locator('[data-field=resident_id] .el-form-item__error')
      await error.waitFor()
      assert.equal((await error.innerText()).trim(), '该住户已关联此房屋')
      await dialog.locator('button', { hasText: '取消' }).click()
      await dialog.waitFor({ state: 'hidden' })
    }
  }

  // End the new link today; the row keeps its move-out date.
  const linked = rows.filter({ hasText: other.name })
  await linked.locator('[data-test=end-link]').click()
  dialog = page.locator('[data-test=end-link-dialog]')
  await dialog.locator('[data-test=dialog-save]').click()
  await dialog.waitFor({ state: 'hidden' })
  await page.waitForFunction((name) => [...document.querySelectorAll('[data-test=house-residents] .el-table__row')]
    .some((r) => r.textContent.includes(name) && /\d{4}-\d{2}-\d{2}/.test(r.querySelector('[data-test=end-date]')?.textContent ?? '')), other.name)
  assert.equal(await linked.locator('[data-test=end-link]').count(), 0)

  // Remove both links again (with a confirm).
  for (const name of ['测试租户', other.name]) {
    await rows.filter({ hasText: name }).locator('[data-test=remove-link]').click()
    await page.locator('.el-message-box').getByRole('button', { name: '确定' }).click()
    await rows.filter({ hasText: name }).waitFor({ state: 'detached' })
  }
  await page.close()
})

test('admin creates a vehicle choosing its house and owner from the pickers', async () => {
  const page = await freshPage(browser.context)
  await login(page, 'admin')
  await page.goto(BASE_URL + '/admin/property/vehicles')
  await page.locator('[data-test=vehicle-table] .el-table__row').first().waitFor()
  await page.locator('[data-test=new-vehicle]').click()
  const dialog = page.locator('[data-test=vehicle-dialog]')
  const plate = `沪E${String(Date.now() % 100000).padStart(5, '0')}`
  await pick(page, dialog.locator('[data-field=project_id]'), { text: '锦华苑' })
  await dialog.locator('input[name=plate]').fill(plate)
  const house = await pick(page, dialog.locator('[data-field=house_id]'), { query: '1-2', text: '1-2-' })
  const houseCode = house.split(/\s+/)[0]
  await pick(page, dialog.locator('[data-field=resident_id]'))
  await shot(page, 'vehicle-dialog')
  await dialog.locator('[data-test=dialog-save]').click()
  await dialog.waitFor({ state: 'hidden' })

  await page.locator('input[placeholder=车牌号]').fill(plate)
  await page.locator('input[placeholder=车牌号]').press('Enter')
  const row = page.locator('[data-test=vehicle-table] .el-table__row', { hasText: plate })
  await row.waitFor()
  await page.waitForFunction(() => document.querySelector('[data-test=vehicle-table] [data-test=vehicle-house]')?.textContent?.trim())
  assert.equal((await row.locator('[data-test=vehicle-house]').innerText()).trim(), houseCode)

  // Editing shows the chosen house by its code, not its id.
  await row.locator('button', { hasText: '编辑' }).click()
  await dialog.locator('[data-field=house_id] .el-select__selected-item', { hasText: houseCode }).first().waitFor()
  await page.close()
})
