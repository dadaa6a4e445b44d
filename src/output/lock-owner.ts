/**
 * Who holds a build lock (issue 15, item 6). A pid alone does not name a process for long: after a
 * reboot, or when each container run is pid 1, the pid in a stale lock belongs to some other live
 * process, and a lock that trusts it blocks every build. So an owner is named by three things: its
 * pid, the boot it runs in, and when it started. A live pid that started at another time, or a
 * record from another boot, is not the owner.
 *
 * The record is the name of a file (`owner.<pid>.<start>.<boot>.<nonce>`), not its content: a
 * name appears whole or not at all, so no reader ever sees half a record.
 */
import { readFile } from 'node:fs/promises'
import { uptime } from 'node:os'
import { randomBytes } from 'node:crypto'
import { hasCode } from '../io/file-errors.js'

/** A process that holds (or held) a lock. */
export interface LockOwner {
  /** Its process id. */
  pid: number
  /**
   * When it started, as `/proc/<pid>/stat` field 22 (clock ticks since boot) on Linux; `unknown`
   * where that cannot be read, and then the start time decides nothing.
   */
  start: string
  /**
   * The boot it runs in: Linux's `/proc/sys/kernel/random/boot_id`, elsewhere `up-<seconds>`, the
   * boot time in Unix seconds derived from the uptime.
   */
  boot: string
}

/** Prefix of an owner file's name; a lock folder holds exactly one such file while it is held. */
export const ownerPrefix = 'owner.'

/** The owner file name of one acquisition by `owner`; the nonce tells apart two in one process. */
export function ownerFileName(owner: LockOwner, nonce = randomBytes(8).toString('hex')): string {
  return `${ownerPrefix}${owner.pid}.${owner.start}.${owner.boot}.${nonce}`
}

const ownerFilePattern = /^owner\.(\d+)\.([0-9a-z]+)\.([0-9a-z-]+)\.[0-9a-z]+$/

/** The owner an owner file names, or undefined when `name` is not one. */
export function parseOwnerFileName(name: string): LockOwner | undefined {
  const match = ownerFilePattern.exec(name)
  if (match === null) return undefined
  const [, pid = '', start = '', boot = ''] = match
  return { pid: Number(pid), start, boot }
}

let self: Promise<LockOwner> | undefined

/** This process, as a lock records it. */
export function currentOwner(): Promise<LockOwner> {
  self ??= (async () => ({
    pid: process.pid,
    start: (await startTimeOf(process.pid)) ?? 'unknown',
    boot: await bootId()
  }))()
  return self
}

/**
 * Whether `owner` is gone: its pid is free, or taken by a process that started at another time,
 * or it ran in another boot. Unknowable parts count as a match, so a lock is only ever taken from
 * a process proven gone.
 */
export async function isGone(owner: LockOwner): Promise<boolean> {
  const current = await currentOwner()
  if (!sameBoot(owner.boot, current.boot)) return true
  if (!isAlive(owner.pid)) return true
  if (owner.start === 'unknown') return false
  const start = await startTimeOf(owner.pid)
  return start !== undefined && start !== owner.start
}

/**
 * Whether a lock from an older factdesk, which recorded only a pid, is stale. Only a pid that no
 * process has can say so, with one exception: that pid being this very process, which never
 * writes such a lock, so it comes from an earlier process that had the same pid (a container's
 * pid 1, for instance).
 */
export function isPidOnlyOwnerGone(pid: number): boolean {
  return pid === process.pid || !isAlive(pid)
}

/** Field 22 of `/proc/<pid>/stat`, or undefined where there is no such file or it is unreadable. */
export async function startTimeOf(pid: number): Promise<string | undefined> {
  let stat: string
  try {
    stat = await readFile(`/proc/${pid}/stat`, 'utf8')
  } catch {
    return undefined
  }
  // Field 2, the command name, is in parentheses and may itself hold spaces and parentheses; the
  // fields after the last `)` are space-separated, starting with field 3.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  const start = fields[22 - 3]
  return start !== undefined && /^\d+$/.test(start) ? start : undefined
}

async function bootId(): Promise<string> {
  try {
    const id = (await readFile('/proc/sys/kernel/random/boot_id', 'utf8')).trim().toLowerCase()
    if (/^[0-9a-f-]+$/.test(id)) return id
  } catch {
    // Not Linux, or /proc is hidden: fall back to the boot time.
  }
  return `up-${Math.round(Date.now() / 1000 - uptime())}`
}

/**
 * Boot times derived from the uptime wobble by a second or so between two readings (more when the
 * clock is set), and a machine cannot boot, start a build, die and boot again within a minute.
 * Records of different kinds (a boot id against a boot time) cannot be compared, and count as the
 * same boot.
 */
function sameBoot(recorded: string, current: string): boolean {
  const recordedTime = bootTime(recorded)
  const currentTime = bootTime(current)
  if (recordedTime !== undefined && currentTime !== undefined)
    return Math.abs(recordedTime - currentTime) <= bootTimeSlackSeconds
  if (recordedTime !== undefined || currentTime !== undefined) return true
  return recorded === current
}

const bootTimeSlackSeconds = 60

function bootTime(boot: string): number | undefined {
  return boot.startsWith('up-') ? Number(boot.slice(3)) : undefined
}

function isAlive(pid: number): boolean {
  // `kill(0)` would signal this process group and a negative pid another group: neither is a pid.
  if (!Number.isSafeInteger(pid) || pid <= 0) return false
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: the process exists and belongs to another user.
    return hasCode(error, 'EPERM')
  }
}
