// Preloaded into `arshif serve` by the offline test (NODE_OPTIONS=--import <this file>): every
// attempt of the process to reach a host that is not this machine — a TCP or TLS connection
// (http, https, fetch and WebSockets all end in net.Socket#connect), a UDP packet or a DNS lookup of
// a name other than localhost — is appended to $ARSHIF_NET_LOG, one JSON line each, and goes on as
// usual (the log is what the test asserts on). Loopback and local sockets (IPC pipes) are allowed.
import { appendFileSync } from 'node:fs'
import net from 'node:net'
import dgram from 'node:dgram'
import dns from 'node:dns'

const LOG = process.env.ARSHIF_NET_LOG
const LOOPBACK_NAMES = new Set(['localhost', 'localhost.', 'ip6-localhost'])

// Proof for the test that the guard was in place in this process.
if (LOG) appendFileSync(`${LOG}.watched`, `${process.pid}\n`)

function isLoopback(host) {
  if (host === undefined || host === null || host === '') return true // Node's default is localhost
  const h = String(host).replace(/^\[|\]$/g, '').toLowerCase()
  if (LOOPBACK_NAMES.has(h)) return true
  if (net.isIPv4(h)) return h.startsWith('127.')
  if (net.isIPv6(h)) return h === '::1' || h === '0:0:0:0:0:0:0:1' || /^::ffff:127\./.test(h)
  return false
}

function record(kind, target) {
  if (!LOG) return
  appendFileSync(LOG, JSON.stringify({ kind, target, pid: process.pid, stack: new Error().stack?.split('\n').slice(2, 8).join(' | ') }) + '\n')
}

// TCP and TLS: connect(options) / connect(port, host) / connect(path).
const connect = net.Socket.prototype.connect
net.Socket.prototype.connect = function (...args) {
  const first = Array.isArray(args[0]) ? args[0][0] : args[0] // internal calls pass [options, cb]
  if (first && typeof first === 'object') {
    if (first.path === undefined && !isLoopback(first.host)) record('tcp', `${first.host}:${first.port}`)
  } else if (typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first))) {
    const host = typeof args[1] === 'string' ? args[1] : undefined
    if (!isLoopback(host)) record('tcp', `${host}:${first}`)
  }
  return connect.apply(this, args)
}

// UDP.
for (const name of ['send', 'connect']) {
  const original = dgram.Socket.prototype[name]
  dgram.Socket.prototype[name] = function (...args) {
    const host = args.find((a, i) => i > 0 && typeof a === 'string')
    if (host !== undefined && !isLoopback(host)) record(`udp.${name}`, host)
    return original.apply(this, args)
  }
}

// DNS: a lookup of any other name is already a message leaving the machine.
for (const api of [dns, dns.promises]) {
  for (const name of ['lookup', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'resolveTxt', 'resolveMx', 'resolveSrv', 'resolveCname', 'reverse']) {
    const original = api[name]
    if (typeof original !== 'function') continue
    api[name] = function (host, ...rest) {
      if (!isLoopback(host)) record(`dns.${name}`, String(host))
      return original.call(this, host, ...rest)
    }
  }
}
