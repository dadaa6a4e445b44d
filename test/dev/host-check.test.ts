import { hostname, networkInterfaces } from 'node:os'
import { describe, expect, it } from 'vitest'
import { isOwnHost, ownHosts } from '../../src/dev/host-check.js'

describe('ownHosts', () => {
  it('is the loopback names with the port, for the default interface', () => {
    expect([...ownHosts('127.0.0.1', 4321)].sort()).toEqual([
      '127.0.0.1:4321',
      '[::1]:4321',
      'localhost:4321'
    ])
  })

  it('adds the host it was told to listen on', () => {
    expect(ownHosts('Desk.Local', 4321).has('desk.local:4321')).toBe(true)
    expect(ownHosts('fd00::5', 4321).has('[fd00::5]:4321')).toBe(true)
  })

  it('adds every address of this machine when listening on all of them', () => {
    const hosts = ownHosts('0.0.0.0', 4321)
    for (const address of Object.values(networkInterfaces()).flat()) {
      if (address === undefined) continue
      const shown = address.family === 'IPv6' ? `[${address.address}]` : address.address
      expect(hosts.has(`${shown.toLowerCase()}:4321`)).toBe(true)
    }
    expect(hosts.has('0.0.0.0:4321')).toBe(false)
  })

  it("adds this machine's name and its mDNS form when listening on all addresses", () => {
    const name = hostname().toLowerCase()
    const hosts = ownHosts('0.0.0.0', 4321)
    expect(hosts.has(`${name}:4321`)).toBe(true)
    if (!name.includes('.')) expect(hosts.has(`${name}.local:4321`)).toBe(true)
    expect(ownHosts('127.0.0.1', 4321).has(`${name}:4321`)).toBe(name === 'localhost')
  })

  it('still refuses a public name that happens to resolve here', () => {
    const hosts = ownHosts('0.0.0.0', 4321)
    expect(isOwnHost('rebind.attacker.example:4321', hosts)).toBe(false)
    expect(isOwnHost(`${hostname()}.attacker.example:4321`, hosts)).toBe(false)
  })

  it('takes a host without its port only on port 80', () => {
    expect(ownHosts('127.0.0.1', 80).has('localhost')).toBe(true)
    expect(ownHosts('127.0.0.1', 4321).has('localhost')).toBe(false)
  })
})

describe('isOwnHost', () => {
  const hosts = ownHosts('127.0.0.1', 4321)
  it.each([
    ['localhost:4321', true],
    ['LocalHost:4321', true],
    ['[::1]:4321', true],
    ['localhost:4322', false],
    ['localhost', false],
    ['attacker.example:4321', false],
    ['localhost.attacker.example:4321', false],
    ['127.0.0.1.nip.io:4321', false],
    [undefined, false],
    ['', false]
  ])('%j is %s', (header, own) => {
    expect(isOwnHost(header, hosts)).toBe(own)
  })
})
