// /owner phone app (375×667) against a real anju with demo data: each owner sees only their
// own house, details, the masked profile, server field errors, and the app's own login.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { BASE_URL, PASSWORD, launch, phonePage, phoneLogin, shot, pageFetch, foreignKits, consoleErrors } from './lib.mjs'

let browser
before(async () => { browser = await launch() })
after(async () => { await browser?.close() })

const houseItems = (page) => page.locator('[data-test=house-item]')
let ownerHouseUrl = '' // /owner/houses/{id} of owner's house, found by the first test

test('owner sees exactly their own house and its details', async () => {
  const page = await phonePage(browser.context, 'owner')
  await shot(page, 'owner-login')
  await phoneLogin(page, 'owner', 'owner')
  await houseItems(page).first().waitFor()
  assert.equal(await houseItems(page).count(), 1)
  const item = await houseItems(page).first().innerText()
  assert.match(item, /锦华苑/)
  assert.match(item, /1-1-0101/)
  assert.match(item, /\d+\.\d{2} m²/)
  await shot(page, 'owner-houses')

  await houseItems(page).first().click()
  await page.waitForURL(/\/owner\/houses\/\d+$/)
  ownerHouseUrl = new URL(page.url()).pathname
  await page.locator('[data-test=house-members]').waitFor()
  assert.equal(await page.locator('[data-test=house-code]').innerText(), '1-1-0101')
  assert.match(await page.locator('[data-test=house-basics]').innerText(), /建筑面积[\s\S]*\d+\.\d{2} m²[\s\S]*套内面积/)
  const members = await page.locator('[data-test=house-members]').innerText()
  assert.match(members, /业主/)
  assert.match(members, /\d{3}\*{4}\d{4}/)
  assert.match(await page.locator('[data-test=house-vehicles]').innerText(), /沪/)
  await shot(page, 'owner-house-detail')
  assert.deepEqual(await foreignKits(page), [])
  assert.deepEqual(consoleErrors(page), [], 'the page logged no console errors')
  await page.close()
})

test('owner2 sees a different single house and gets not-found for owner’s house', async () => {
  const page = await phonePage(browser.context, 'owner')
  await phoneLogin(page, 'owner', 'owner2')
  await houseItems(page).first().waitFor()
  assert.equal(await houseItems(page).count(), 1)
  const own = await houseItems(page).first().innerText()
  assert.doesNotMatch(own, /1-1-0101/)

  // Owner's house, opened by URL: the API answers 404 and the page says so.
  assert.ok(ownerHouseUrl, 'the first test found the URL of owner’s house')
  const api = await pageFetch(page, 'GET', ownerHouseUrl.replace('/owner/houses/', '/api/v1/houses/'))
  assert.equal(api.status, 404)
  await page.goto(BASE_URL + ownerHouseUrl)
  const error = page.locator('[data-test=house-error]')
  await error.waitFor()
  assert.match(await error.innerText(), /房屋不存在/)
  assert.deepEqual(consoleErrors(page), [], 'the page logged no console errors')
  await page.close()
})

test('owner3 sees a house of 绿园小区', async () => {
  const page = await phonePage(browser.context, 'owner')
  await phoneLogin(page, 'owner', 'owner3')
  await houseItems(page).first().waitFor()
  assert.equal(await houseItems(page).count(), 1)
  assert.match(await houseItems(page).first().innerText(), /绿园小区/)
  assert.deepEqual(consoleErrors(page), [], 'the page logged no console errors')
  await page.close()
})

test('owner profile is masked; a weak new password shows the server error at its field', async () => {
  const page = await phonePage(browser.context, 'owner')
  await phoneLogin(page, 'owner', 'owner')
  await page.locator('[data-test=tab-owner-me]').click()
  const phone = page.locator('[data-test=phone] .van-cell__value')
  await page.waitForFunction(() => document.querySelector('[data-test=phone] .van-cell__value')?.textContent?.includes('*'))
  assert.match(await phone.innerText(), /\*{4}/)
  assert.match(await page.locator('[data-test=id-number] .van-cell__value').innerText(), /\*{4}/)
  await shot(page, 'owner-profile')

  const form = page.locator('[data-test=password-form]')
  await form.locator('input[name=current_password]').fill('Anju@2026')
  await form.locator('input[name=new_password]').fill('abc')
  await form.locator('[data-test=password-submit]').click()
  const error = page.locator('[data-test=new-password] .van-field__error-message')
  await error.waitFor()
  assert.match(await error.innerText(), /密码太短/)
  assert.equal(await form.locator('.van-field__error-message').count(), 1)

  // Language switch: the tab bar follows.
  await page.locator('[data-test=lang-switch] button', { hasText: 'English' }).click()
  await page.locator('[data-test=tab-owner-houses]', { hasText: 'My houses' }).waitFor()
  await page.locator('[data-test=lang-switch] button', { hasText: '中文' }).click()

  await page.locator('[data-test=logout]').click()
  await page.waitForURL(/\/owner\/login$/)
  assert.equal((await pageFetch(page, 'GET', '/api/v1/me')).status, 401)
  assert.deepEqual(consoleErrors(page), [], 'the page logged no console errors')
  await page.close()
})

test('a staff account on /owner is told so and signed out', async () => {
  const page = await phonePage(browser.context, 'owner')
  await page.locator('input[name=login]').fill('engineer')
  await page.locator('input[name=password]').fill(PASSWORD)
  await page.locator('[data-test=login-submit]').click()
  const message = page.locator('[data-test=login-error]')
  await message.waitFor()
  assert.match(await message.innerText(), /员工账号/)
  assert.match(new URL(page.url()).pathname, /^\/owner\/login$/)
  assert.equal((await pageFetch(page, 'GET', '/api/v1/me')).status, 401)
  assert.deepEqual(consoleErrors(page), [], 'the page logged no console errors')
  await page.close()
})

test('an expired session sends the owner to the owner login page', async () => {
  const page = await phonePage(browser.context, 'owner')
  await phoneLogin(page, 'owner', 'owner')
  await houseItems(page).first().waitFor()
  await page.locator('[data-test=tab-owner-me]').click()
  await page.locator('[data-test=owner-profile]').waitFor()
  await browser.context.clearCookies()
  await page.locator('[data-test=tab-owner-houses]').click()
  await page.waitForURL((u) => u.pathname === '/owner/login')
  assert.equal(new URL(page.url()).searchParams.get('redirect'), '/owner')
  assert.deepEqual(consoleErrors(page), [], 'the page logged no console errors')
  await page.close()
})
