/**
 * An IPv4 address of this machine that another device on its network would use, for the
 * `--host` tests; undefined on a machine with loopback only, where those tests are skipped.
 */
import { request } from 'node:http'
import { networkInterfaces } from 'node:os'

/** This machine's first non-internal IPv4 address. */
export const networkAddress: string | undefined = Object.values(networkInterfaces())
  .flat()
  .find(
    (address) => address !== undefined && address.family === 'IPv4' && !address.internal
  )?.address

/** GETs `path` from `address`:`port` as a phone would (Host is that address); the status, or the error code. */
export function statusFrom(address: string, port: number, path = '/'): Promise<number | string> {
  return new Promise((resolve) => {
    const sent = request({ host: address, port, path }, (response) => {
      response.resume()
      resolve(response.statusCode ?? 0)
    })
    sent.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message))
    sent.end()
  })
}
