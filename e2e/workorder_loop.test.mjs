// Work orders on the phones (375×667) against a real anju with demo data: the owner reports a
// 户内报修 with a photo; the engineer (a second browser, /staff) grabs or accepts it, checks in
// and completes it with a labour fee and a material line; the owner's detail page, kept open,
// shows each step arrive LIVE (no reload), then the owner signs on the canvas, confirms and
// rates 5. Then the public QR report form of the demo's report point, without a login.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { BASE_URL, PASSWORD, launch, freshPage, login, phonePage, phoneLogin, shot, pageFetch, consoleErrors } from './lib.mjs'

let ownerBrowser
let staffBrowser
before(async () => { [ownerBrowser, staffBrowser] = await Promise.all([launch(), launch()]) })
after(async () => { await Promise.all([ownerBrowser?.close(), staffBrowser?.close()]) })

/** A signed-in API session from node (cookie + CSRF), for set-up and checks outside the UI. */
async function apiSession(name) {
  const res = await fetch(`${BASE_URL}/api/v1/auth/login`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ login: name, password: PASSWORD }),
  })
  assert.equal(res.status, 200, `login ${name}`)
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ')
  const { csrf_token: csrf } = await res.json()
  return async (method, url, body) => {
    const r = await fetch(BASE_URL + url, {
      method,
      headers: { Cookie: cookie, 'X-CSRF-Token': csrf, ...(body ? { 'Content-Type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    })
    const text = await r.text()
    return { status: r.status, body: text ? JSON.parse(text) : null }
  }
}

/** A 640×480 PNG drawn in the page (a real image the canvas compressor can decode). */
async function pngBuffer(page) {
  const b64 = await page.evaluate(() => {
    const c = document.createElement('canvas')
    c.width = 640
    c.height = 480
    const g = c.getContext('2d')
    g.fillStyle = '#3a7bd5'
    g.fillRect(0, 0, 640, 480)
    g.fillStyle = '#fff'
    g.fillRect(200, 120, 240, 240)
    return c.toDataURL('image/png').split(',')[1]
  })
  return Buffer.from(b64, 'base64')
}

const steps = (page) => page.locator('[data-test=wo-step]')
/** Waits until the open page shows a timeline step of `action` (counted from `from`). */
async function waitStep(page, action, from) {
  await page.waitForFunction(({ action, from }) => {
    const all = [...document.querySelectorAll('[data-test=wo-step]')]
    return all.length > from && all.slice(from).some((e) => e.getAttribute('data-action') === action)
  }, { action, from }, { timeout: 8000 })
}

test('the whole loop: report with a photo, grab/accept, arrive, complete, live timeline, sign, confirm, rate 5', async () => {
  // Owner reports a 户内报修 with a photo.
  const owner = await phonePage(ownerBrowser.context, 'owner')
  await phoneLogin(owner, 'owner', 'owner')
  await owner.locator('[data-test=tab-owner-workorders]').click()
  await owner.locator('[data-test=wo-new]').click()
  await owner.locator('[data-test=wo-report]').waitFor()
  await owner.locator('[data-test=kind-repair_house]').click()
  await owner.locator('[data-test=wo-houses] .van-radio').first().waitFor()
  await owner.locator('[data-test=wo-description] textarea').fill('卫生间水龙头漏水，一直在滴水')
  await owner.locator('[data-test=wo-suggestion]').waitFor() // the suggested category while typing
  assert.match(await owner.locator('[data-test=wo-suggestion]').innerText(), /建议分类：\S+/)
  await owner.locator('[data-test=wo-uploader] input[type=file]')
    .setInputFiles({ name: 'leak.png', mimeType: 'image/png', buffer: await pngBuffer(owner) })
  await owner.locator('[data-test=wo-uploader] .van-uploader__preview').waitFor()
  await owner.waitForFunction(() => !document.querySelector('[data-test=wo-uploader] .van-uploader__mask'))
  await shot(owner, 'wo-owner-report')
  await owner.locator('[data-test=wo-submit]').click()
  await owner.waitForURL(/\/owner\/workorders\/\d+$/)
  const id = Number(new URL(owner.url()).pathname.split('/').pop())
  await owner.locator('[data-test=wo-timeline]').waitFor()
  await owner.locator('[data-test=wo-photos] img').first().waitFor()
  await owner.locator('[data-test=wo-live]').waitFor() // the event stream is open
  await owner.evaluate(() => { window.__sameDocument = true }) // gone if the page reloads

  const ownerApi = await apiSession('owner')
  let order = (await ownerApi('GET', `/api/v1/work-orders/${id}`)).body
  assert.equal(order.kind, 'repair_house')
  assert.equal(order.house_code, '1-1-0101')
  assert.equal(order.photos.length, 1)
  assert.equal(order.photos[0].stage, 'report')

  // The engineer, in a second browser.
  const staff = await phonePage(staffBrowser.context, 'staff')
  await phoneLogin(staff, 'staff', 'engineer')
  const engineerId = JSON.parse((await pageFetch(staff, 'GET', '/api/v1/me')).body).id
  const grab = order.status === 'submitted' && order.dispatch_mode === 'grab'
  if (!grab && order.assignee_id !== engineerId) {
    // Manual dispatch, or nobody of the skill on duty right now: the manager assigns it.
    const manager = await apiSession('manager')
    assert.equal((await manager('POST', `/api/v1/work-orders/${id}/assign`, { assignee_id: engineerId })).status, 200)
  }
  await staff.locator('[data-test=tab-staff-workorders]').click()
  await staff.locator('[data-test=staff-workorders]').waitFor()
  const before = await steps(owner).count()
  if (grab) {
    await staff.locator('.van-tabs__nav .van-tab', { hasText: '抢单' }).click()
    const row = staff.locator(`[data-test=wo-list-grab] .card:has([data-number="${order.number}"])`)
    await row.locator('[data-test=wo-grab]').click()
    await staff.waitForURL(new RegExp(`/staff/workorders/${id}$`))
  } else {
    await staff.locator(`[data-test=wo-list-assigned] [data-number="${order.number}"]`).click()
    await staff.waitForURL(new RegExp(`/staff/workorders/${id}$`))
    await staff.locator('[data-test=wo-sla]').waitFor()
    await shot(staff, 'wo-staff-detail')
    await staff.locator('[data-test=wo-accept]').click()
  }
  // The owner's page, never reloaded, shows the acceptance.
  await waitStep(owner, 'accept', before)
  assert.equal(await owner.evaluate(() => window.__sameDocument), true, 'the owner page was not reloaded')
  assert.ok((await steps(owner).count()) > before)

  await staff.locator('[data-test=wo-arrive]').click()
  await waitStep(owner, 'arrive', before)
  await staff.locator('[data-test=wo-complete]').click()
  await staff.locator('[data-test=wo-complete-form]').waitFor()
  await staff.locator('[data-test=wo-complete-note] textarea').fill('更换水龙头阀芯，已试水不漏')
  await staff.locator('[data-test=wo-labour] input').fill('50')
  await staff.locator('[data-test=wo-add-material]').click()
  const line = staff.locator('[data-test=wo-material]').first()
  await line.locator('input').first().fill('陶瓷阀芯')
  await line.locator('.van-stepper__plus').click() // quantity 2
  await line.locator('input').nth(2).fill('12.5') // name, quantity, unit price
  assert.match(await line.innerText(), /¥25\.00/)
  assert.match(await staff.locator('[data-test=wo-total]').innerText(), /¥75\.00/)
  await shot(staff, 'wo-staff-complete')
  await staff.locator('[data-test=wo-complete-submit]').click()
  await staff.waitForURL(new RegExp(`/staff/workorders/${id}$`))

  // Owner: the completion arrives live; sign with the mouse, confirm, rate 5.
  await waitStep(owner, 'complete', before)
  const canvas = owner.locator('[data-test=signature-canvas]')
  await canvas.waitFor()
  assert.equal(await owner.evaluate(() => window.__sameDocument), true, 'the owner page was not reloaded')
  await owner.locator('[data-test=wo-fees]').waitFor()
  assert.match(await owner.locator('[data-test=wo-fees]').innerText(), /¥75\.00/)
  await canvas.scrollIntoViewIfNeeded()
  const box = await canvas.boundingBox()
  await owner.mouse.move(box.x + 30, box.y + box.height / 2)
  await owner.mouse.down()
  for (let i = 1; i <= 12; i++) await owner.mouse.move(box.x + 30 + i * 22, box.y + box.height / 2 + (i % 2 ? -30 : 30))
  await owner.mouse.up()
  await shot(owner, 'wo-owner-sign')
  await owner.locator('[data-test=wo-confirm]').click()
  await owner.locator('[data-test=wo-rate]').waitFor()
  await owner.locator('[data-test=wo-stars] .van-rate__item').nth(4).click()
  await owner.locator('[data-test=wo-rate] textarea').fill('师傅很专业')
  await owner.locator('[data-test=wo-rate-submit]').click()
  await owner.locator('[data-test=wo-rating]').waitFor()
  assert.match(await owner.locator('[data-test=wo-rating]').innerText(), /5 星/)
  await owner.locator('[data-test=wo-signature]').waitFor()
  await shot(owner, 'wo-owner-done')

  order = (await ownerApi('GET', `/api/v1/work-orders/${id}`)).body
  assert.equal(order.status, 'closed')
  assert.equal(order.rating, 5)
  assert.equal(order.assignee_id, engineerId)
  assert.equal(order.labour_fee, 5000)
  assert.equal(order.material_fee, 2500)
  assert.ok(order.signature?.id, 'the signature is on the order')
  const actions = order.timeline.map((e) => e.action)
  for (const a of ['submit', 'accept', 'arrive', 'complete', 'confirm', 'rate']) assert.ok(actions.includes(a), `timeline has ${a}`)
  assert.deepEqual(consoleErrors(owner), [], 'the owner page logged no console errors')
  assert.deepEqual(consoleErrors(staff), [], 'the staff page logged no console errors')
  await owner.close()
  await staff.close()

  // /admin: the signature is shown under its own heading 签名, not among the photos (issue 12).
  const admin = await freshPage(staffBrowser.context)
  await login(admin, 'admin')
  await admin.goto(`${BASE_URL}/admin/work-orders?open=${id}`)
  const drawer = admin.locator('[data-test=wo-drawer]')
  const signature = drawer.locator('[data-test=wo-signature] img')
  await signature.waitFor()
  const heading = await drawer.locator('[data-test=wo-signature]').evaluate((e) => e.previousElementSibling?.textContent?.trim())
  assert.equal(heading, '签名')
  assert.equal(await drawer.locator('[data-test=wo-photos] .el-image').count(), order.photos.length, 'only the photos under 照片')
  await admin.close()
})

test('public QR report form: place, phone check, order number, no login', async (t) => {
  const admin = await apiSession('admin')
  const points = await admin('GET', '/api/v1/work-order-report-points')
  const point = points.status === 200 ? (points.body.items ?? []).find((p) => p.active !== false) : undefined
  if (!point) {
    t.skip('the demo has no report point')
    return
  }
  await ownerBrowser.context.clearCookies()
  const page = await ownerBrowser.context.newPage()
  await page.setViewportSize({ width: 375, height: 667 })
  await page.goto(`${BASE_URL}/owner/report/${point.token}`)
  await page.locator('[data-test=qr-place]').waitFor()
  assert.equal(await page.locator('[data-test=qr-place]').innerText(), point.place)
  assert.match(new URL(page.url()).pathname, /^\/owner\/report\//, 'no redirect to the login page')
  await page.locator('[data-test=qr-phone] input').fill('12345')
  await page.locator('[data-test=qr-description] textarea').fill('电梯按钮失灵')
  await page.locator('[data-test=qr-submit]').click()
  await page.getByText('请输入正确的 11 位手机号').waitFor()
  await page.locator('[data-test=qr-phone] input').fill('13912345678')
  await page.locator('[data-test=qr-submit]').click()
  await page.locator('[data-test=qr-number]').waitFor()
  assert.match(await page.locator('[data-test=qr-number]').innerText(), /WO-\d{8}-\d{4}/)
  await shot(page, 'wo-qr-report')
  await page.close()
})
