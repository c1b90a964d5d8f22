// The port of the development servers (the preview host and the add-in's https dev server): the environment
// variable PORT, else 3000. One place, so the server, the sideloaded manifest and every message agree; and a busy
// port is one sentence saying how to pick another instead of webpack-dev-server's EADDRINUSE stack trace.
'use strict';
const net = require('node:net');
const { lookup } = require('node:dns/promises');

const DEFAULT_PORT = 3000;

/** PORT as a TCP port number; anything else is refused with the value named. */
function devServerPort(env = process.env) {
  const raw = env.PORT;
  if (raw === undefined || String(raw).trim() === '') return DEFAULT_PORT;
  const port = Number(String(raw).trim());
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`PORT must be a whole number from 1 to 65535, not ${JSON.stringify(raw)}.`);
  }
  return port;
}

/** How to set PORT for one command, on POSIX shells and Windows (cmd and PowerShell differ). */
function withPort(port, command) {
  return process.platform === 'win32' ? `\`set PORT=${port} && ${command}\` (PowerShell: \`$env:PORT=${port}; ${command}\`)` : `\`PORT=${port} ${command}\``;
}

/** The one sentence shown when the port is taken. */
function busyPortMessage(port, command = 'npm start') {
  return `Port ${port} is already in use by another program (perhaps a dev server started earlier): stop it, or start on another port with ${withPort(port + 1 <= 65535 ? port + 1 : 3001, command)}.`;
}

function tryListen(port, host) {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', (err) => (err.code === 'EADDRINUSE' || err.code === 'EACCES' ? resolve(false) : reject(err)));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/**
 * Whether something listens on the port at any address `localhost` resolves to (the dev servers bind
 * `localhost`: 127.0.0.1, and ::1 where IPv6 is on). An address family the machine lacks does not count.
 */
async function portIsFree(port) {
  let addresses;
  try {
    addresses = (await lookup('localhost', { all: true })).map((a) => a.address);
  } catch {
    addresses = ['127.0.0.1'];
  }
  for (const host of new Set(addresses)) {
    try {
      if (!(await tryListen(port, host))) return false;
    } catch (err) {
      if (!['EADDRNOTAVAIL', 'EAFNOSUPPORT'].includes(err.code)) throw err;
    }
  }
  return true;
}

/** Exits with the busy-port sentence (and no stack trace) when the port is taken. */
async function requireFreePort(port, command) {
  if (await portIsFree(port)) return;
  console.error(busyPortMessage(port, command));
  process.exit(1);
}

/** devServerPort() for scripts: a bad PORT is one line on stderr and exit code 1. */
function devServerPortOrExit(env = process.env) {
  try {
    return devServerPort(env);
  } catch (err) {
    console.error(err.message);
    process.exit(1);
  }
}

module.exports = { DEFAULT_PORT, devServerPort, devServerPortOrExit, busyPortMessage, portIsFree, requireFreePort };
