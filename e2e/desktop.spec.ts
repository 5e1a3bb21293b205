// The desktop shell's behaviour that also holds in a browser: the keyboard shortcuts the native
// menu carries (find, import, export) and article links that leave the app only after a confirm.
import { test, expect } from './fixtures'

test('Ctrl+F goes to the search box from anywhere, Ctrl+O to Import', async ({ page, served }) => {
  await page.goto(served.url)
  await expect(page.getByTestId('article-list').locator('li').first()).toBeVisible()
  await page.keyboard.press('Control+f')
  await expect(page).toHaveURL(/#\/search/)
  await expect(page.getByTestId('search-input')).toBeFocused()
  // It works with the focus in a text field too, and from an article.
  await page.goto(`${served.url}#/article/1`)
  await expect(page.getByTestId('article')).toBeVisible()
  await page.keyboard.press('Control+f')
  await expect(page.getByTestId('search-input')).toBeFocused()

  await page.keyboard.press('Control+o')
  await expect(page).toHaveURL(/#\/import/)
})

test('Ctrl+P where there is nothing to export says so instead of printing the page', async ({ page, served }) => {
  await page.goto(served.url)
  await expect(page.getByTestId('article-list').locator('li').first()).toBeVisible()
  await page.keyboard.press('Control+p')
  await expect(page.getByTestId('app-notice')).toHaveText('لا شيء للتصدير في هذه الصفحة: افتح خطاً زمنياً أو مقارنة لتصديرها.')
  await expect(page.getByTestId('app-notice')).toHaveAttribute('role', 'status')
})

test("an article's link opens in a new tab only after the user confirms", async ({ page, served, context }) => {
  // Nothing may reach the network, the confirmed link included: the new tab's request is answered here.
  await context.route(/^https?:\/\/example\./, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<title>outside</title>' }))
  await page.goto(`${served.url}#/article/1`)
  const link = page.getByTestId('external-link')
  await expect(link).toHaveText('https://example.net/una/ar/2024/11/14/sanabel-floods-four-dead')

  // Clicking asks first; cancelling opens nothing.
  await link.click()
  const dialog = page.getByTestId('external-link-dialog')
  await expect(dialog).toBeVisible()
  await expect(dialog.getByRole('heading')).toHaveText('فتح الرابط في متصفحك؟')
  await expect(dialog).toContainText('https://example.net/una/ar/2024/11/14/sanabel-floods-four-dead')
  await dialog.getByRole('button', { name: 'إلغاء' }).click()
  await expect(dialog).toBeHidden()
  expect(context.pages()).toHaveLength(1)

  // Confirming opens it in a new tab, with no way back to this page (noopener).
  await link.click()
  const [tab] = await Promise.all([context.waitForEvent('page'), dialog.getByRole('button', { name: 'افتح في المتصفح' }).click()])
  await tab.waitForLoadState()
  expect(tab.url()).toBe('https://example.net/una/ar/2024/11/14/sanabel-floods-four-dead')
  expect(await tab.evaluate(() => window.opener)).toBeNull()
  await expect(dialog).toBeHidden()
  // The app page itself requested nothing outside the local server.
  expect(served.requests.filter((u) => !u.startsWith(served.url.split('?')[0]!.replace(/\/$/, '')))).toEqual([])
})

test('the engine refuses to open a link that is not http(s), whatever the page asks', async ({ page, served }) => {
  await page.goto(served.url)
  const token = new URL(served.url).searchParams.get('token')
  const answer = await page.evaluate(
    async ([token]) => {
      const res = await fetch('./api/app.openExternal', { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` }, body: JSON.stringify({ url: 'javascript:alert(1)' }) })
      return res.json()
    },
    [token],
  )
  expect(answer).toMatchObject({ ok: false, error: { code: 'invalid_argument' } })
})

test('Ctrl+Shift+S backs up now from anywhere: the backup panel shows it made', async ({ page, served }) => {
  await page.goto(`${served.url}#/search`)
  await expect(page.getByTestId('search-input')).toBeVisible()
  await page.keyboard.press('Control+Shift+S')
  await expect(page).toHaveURL(/#\/$/)
  await expect(page.getByTestId('backup-done')).toBeVisible({ timeout: 30_000 })
})

test('a file dropped outside a drop zone does not replace the app', async ({ page, served }) => {
  await page.goto(`${served.url}#/search`)
  await expect(page.getByTestId('search-input')).toBeVisible()
  const cancelled = await page.evaluate(() => {
    const data = new DataTransfer()
    data.items.add(new File(['<p>hi</p>'], 'article.html', { type: 'text/html' }))
    const over = new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true })
    const drop = new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true })
    document.body.dispatchEvent(over)
    document.body.dispatchEvent(drop)
    return [over.defaultPrevented, drop.defaultPrevented]
  })
  // Cancelled: the browser neither accepts the file as a navigation nor opens it; the app itself
  // takes it to its Import view (see e2e/import.spec.ts), still the app on the same page.
  expect(cancelled).toEqual([true, true])
  await expect(page).toHaveURL(/#\/import$/)
  expect(new URL(page.url()).origin).toBe(new URL(served.url).origin)
  await expect(page.getByRole('navigation')).toBeVisible()
})
