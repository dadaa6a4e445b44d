import { networkInterfaces } from 'node:os'
import { describe, expect, it } from 'vitest'
import { listenHost, serverUrls, urlLines } from '../../src/dev/server-urls.js'

describe('serverUrls', () => {
  it('is localhost alone on loopback', () => {
    expect(serverUrls(undefined, 4321, '/')).toEqual({
      local: 'http://localhost:4321/',
      network: []
    })
    expect(serverUrls('127.0.0.1', 4321, '/ledger/').local).toBe('http://localhost:4321/ledger/')
  })

  it("lists each of this machine's network IPv4 addresses on 0.0.0.0, with the base", () => {
    const expected = Object.values(networkInterfaces())
      .flat()
      .filter((entry) => entry !== undefined && entry.family === 'IPv4' && !entry.internal)
      .map((entry) => `http://${entry?.address ?? ''}:4321/ledger/`)
    const urls = serverUrls('0.0.0.0', 4321, '/ledger/')
    expect(urls.local).toBe('http://localhost:4321/ledger/')
    expect(urls.network).toEqual(expected)
    expect(urls.network.some((url) => url.includes('127.0.0.1'))).toBe(false)
  })

  it('is the address given for one interface, in brackets for IPv6', () => {
    expect(serverUrls('192.168.1.5', 80, '/').network).toEqual(['http://192.168.1.5:80/'])
    expect(serverUrls('fd00::2', 4321, '/').local).toBe('http://[fd00::2]:4321/')
    expect(serverUrls('[fd00::2]', 4321, '/').local).toBe('http://[fd00::2]:4321/')
  })
})

describe('urlLines', () => {
  it('says where the site is, then each network address', () => {
    expect(
      urlLines(
        'factdesk dev',
        { local: 'http://localhost:1/', network: ['http://10.0.0.2:1/'] },
        true
      )
    ).toEqual([
      'factdesk dev: serving http://localhost:1/',
      '  on your network: http://10.0.0.2:1/'
    ])
  })

  it('says so when listening wide finds no network address', () => {
    expect(
      urlLines('factdesk dev', { local: 'http://localhost:1/', network: [] }, true)[1]
    ).toContain('no network address found')
  })
})

describe('listenHost', () => {
  it.each([
    [undefined, '127.0.0.1'],
    ['localhost', '127.0.0.1'],
    ['0.0.0.0', '0.0.0.0'],
    ['::', '::'],
    ['[::1]', '::1'],
    ['[fd00::2]', 'fd00::2']
  ])('listens for %j on %j', (host, address) => {
    expect(listenHost(host)).toBe(address)
  })
})
