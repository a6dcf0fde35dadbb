import { test, expect } from './harness'

test.describe('app shell in Chromium', () => {
  test('opens in zh-CN, switches to English, and round-trips an IPC call', async ({ page, harness }) => {
    await page.goto(harness.url)
    await expect(page.getByTestId('brand')).toHaveText('PAI 工作空间管理')
    await expect(page.getByTestId('status-bar')).toContainText('仅离线使用')
    await page.screenshot({ path: 'tests/e2e/screenshots/shell-zh-CN.png' })

    // Switch language through the header select.
    await page.getByTestId('locale-select').click()
    await page.getByRole('option', { name: 'English' }).click()
    await expect(page.getByTestId('brand')).toHaveText('PAI Workspace Admin')
    await expect(page.getByTestId('status-bar')).toContainText('Offline only')

    // A round trip through the HTTP bridge to the real core.
    await page.getByTestId('nav-/diagnostics').click()
    await page.getByTestId('ping').click()
    await expect(page.getByTestId('ping-reply')).toHaveText('Reply: Hello, PAI')
    await page.screenshot({ path: 'tests/e2e/screenshots/diagnostics-en.png' })

    // The choice was saved by the core: a reload keeps English.
    await page.reload()
    await expect(page.getByTestId('brand')).toHaveText('PAI Workspace Admin')
    await expect(page.locator('body')).not.toContainText('⟦')
  })

  test('an API request without the token is refused with 401', async ({ request, harness }) => {
    const res = await request.post(`${harness.origin}/api/invoke/app.ping`, { data: { text: 'x' } })
    expect(res.status()).toBe(401)
    const body = (await res.json()) as { error: { code: string } }
    expect(body.error.code).toBe('UNAUTHORIZED')

    const ok = await request.post(`${harness.origin}/api/invoke/app.ping`, {
      data: { text: 'x' },
      headers: { Authorization: `Bearer ${harness.token}` },
    })
    expect(ok.status()).toBe(200)
  })

  test('a foreign Origin is refused with 403 even with the token', async ({ request, harness }) => {
    const res = await request.post(`${harness.origin}/api/invoke/app.ping`, {
      data: { text: 'x' },
      headers: { Authorization: `Bearer ${harness.token}`, Origin: 'http://evil.example' },
    })
    expect(res.status()).toBe(403)
  })

  test('the page is served with a strict CSP header', async ({ request, harness }) => {
    const res = await request.get(`${harness.origin}/`)
    const csp = res.headers()['content-security-policy'] ?? ''
    expect(csp).toContain("script-src 'self'")
    expect(csp).not.toContain('unsafe-eval')
  })
})
