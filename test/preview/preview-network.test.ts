import { createServer } from 'node:net'
import { beforeAll, describe, expect, it } from 'vitest'
import { networkAddress, statusFrom } from '../dev/network-address.js'
import { builtSite, preview, send } from './built-site.js'

const story = '2025/11/04/first-story/'

describe('factdesk preview on the network', () => {
  let site: { root: string; out: string }
  beforeAll(async () => {
    site = await builtSite()
  })

  it('moves to the next free port when its own is taken, and says so', async () => {
    const blocker = createServer()
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', () => resolve()))
    const address = blocker.address()
    const port = typeof address === 'object' && address !== null ? address.port : 0
    try {
      const { preview: running, lines } = await preview(site.root, site.out, { port })
      const used = Number(new URL(running.url).port)
      expect(used).toBeGreaterThan(port)
      expect(lines).toEqual([
        `factdesk preview: port ${port} is in use, using ${used}`,
        `factdesk preview: serving http://localhost:${used}/`
      ])
    } finally {
      await new Promise((resolve) => blocker.close(resolve))
    }
  })

  it('listens on loopback only by default', async () => {
    const { preview: running } = await preview(site.root, site.out)
    if (networkAddress === undefined) return // no network here: nothing else to reach it from
    expect(await statusFrom(networkAddress, Number(new URL(running.url).port))).toBe('ECONNREFUSED')
  })

  it.skipIf(networkAddress === undefined)(
    'with a host of 0.0.0.0, listens on the network and logs each network URL',
    async () => {
      const { preview: running, lines } = await preview(site.root, site.out, { host: '0.0.0.0' })
      const port = Number(new URL(running.url).port)
      expect(lines).toContain(`  on your network: http://${networkAddress ?? ''}:${port}/`)
      expect(await statusFrom(networkAddress ?? '', port, `/${story}`)).toBe(200)
    }
  )

  it('refuses a request for another host name (DNS rebinding)', async () => {
    const { origin } = await preview(site.root, site.out)
    const answer = await send(origin, `/${story}`, { headers: { Host: 'rebind.attacker.example' } })
    expect(answer.status).toBe(403)
    expect(answer.body).toContain('only requests for its own address')
  })
})
