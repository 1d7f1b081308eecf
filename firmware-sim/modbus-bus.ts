// The kitchen's RS-485 bus as the gateway sees it: a Modbus TCP server (as a
// Modbus TCP ↔ RTU gateway box would present it) with one unit id per controller.
// The only file that touches modbus-serial's server.
import { createServer, type AddressInfo, type Server } from 'node:net';
import { ServerTCP, type FCallback, type FCallbackVal, type IServiceVector } from 'modbus-serial';
import { ModbusException } from './registers.ts';

/** One controller on the bus, as the server needs it. */
export interface BusUnit {
  /** False when the controller is unpowered: it does not answer at all. */
  answers(): boolean;
  inputRegisters(): number[];
  holdingRegisters(): number[];
  /** Throws a ModbusException to answer with an exception code. */
  writeHolding(addr: number, word: number): void;
}

/**
 * What the bus does for a silent unit. 'silence': nothing, the client times
 * out (a serial gateway in transparent mode). 'gateway-exception': exception
 * 0x0B "gateway target device failed to respond", as most Modbus gateways answer.
 */
export type OfflineReply = 'silence' | 'gateway-exception';

export interface ModbusBusOptions {
  host: string;
  port: number;
  /** Looks a unit up at request time (the caller advances its model here). */
  unit(unitId: number): BusUnit | undefined;
  offlineReply: OfflineReply;
}

export interface ModbusBus {
  start(): Promise<void>;
  stop(): Promise<void>;
  address(): { host: string; port: number };
}

const GATEWAY_TARGET_FAILED = 0x0b;

export function createModbusBus(opts: ModbusBusOptions): ModbusBus {
  let server: ServerTCP | undefined;
  return {
    async start() {
      if (server) return;
      server = await listen(createVector(opts), opts.host, opts.port);
    },
    async stop() {
      const s = server;
      server = undefined;
      if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
    },
    address() {
      const bound = server && netServer(server).address();
      if (!bound || typeof bound === 'string') throw new Error('modbus bus is not listening');
      return { host: opts.host, port: bound.port };
    },
  };
}

/** An ephemeral port the OS has just handed out. modbus-serial turns port 0 into
 *  502 (`options.port || MODBUS_PORT`), so "any free port" must be found first. */
function freePort(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, host, () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

async function listen(vector: IServiceVector, host: string, requested: number): Promise<ServerTCP> {
  for (let attempt = 1; ; attempt++) {
    const port = requested === 0 ? await freePort(host) : requested;
    try {
      return await listenOn(vector, host, port);
    } catch (err) {
      // Another process may take the probed port in between: try another one.
      if (requested !== 0 || attempt >= 5 || (err as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw err;
    }
  }
}

function listenOn(vector: IServiceVector, host: string, port: number): Promise<ServerTCP> {
  return new Promise((resolve, reject) => {
    const server = new ServerTCP(vector, { host, port });
    // A client that drops its connection is routine on a field bus, not an error of ours.
    server.on('socketError', () => {});
    server.on('error', () => {});
    server.once('serverError', (err: Error) => reject(err));
    server.once('initialized', () => resolve(server));
  });
}

/** modbus-serial does not expose the bound port (needed with port 0), only its net.Server. */
function netServer(server: ServerTCP): Server {
  return (server as unknown as { _server: Server })._server;
}

type Area = 'input' | 'holding';

/** Callback-style handlers, so that a silent unit can simply never call back. */
function createVector(opts: ModbusBusOptions): IServiceVector {
  const read = (area: Area, addr: number, len: number, unitId: number, cb: FCallbackVal<number[]>): void => {
    const unit = reachable(opts, unitId, cb);
    if (!unit) return;
    const words = area === 'input' ? unit.inputRegisters() : unit.holdingRegisters();
    if (addr + len > words.length) return cb(new ModbusException(2, `illegal data address ${addr}+${len}`), []);
    cb(null, words.slice(addr, addr + len));
  };
  const one = (cb: FCallbackVal<number>) => (err: Error | null, words: number[]) => cb(err, words[0] ?? 0);
  return {
    getInputRegister: (addr: number, unitId: number, cb: FCallbackVal<number>) => read('input', addr, 1, unitId, one(cb)),
    getHoldingRegister: (addr: number, unitId: number, cb: FCallbackVal<number>) => read('holding', addr, 1, unitId, one(cb)),
    getMultipleInputRegisters: (addr: number, len: number, unitId: number, cb: FCallbackVal<number[]>) =>
      read('input', addr, len, unitId, cb),
    getMultipleHoldingRegisters: (addr: number, len: number, unitId: number, cb: FCallbackVal<number[]>) =>
      read('holding', addr, len, unitId, cb),
    setRegister: (addr: number, word: number, unitId: number, cb: FCallback) => {
      const unit = reachable(opts, unitId, cb);
      if (!unit) return;
      try {
        unit.writeHolding(addr, word);
        cb(null);
      } catch (err) {
        cb(err as Error);
      }
    },
  };
}

/** The unit, or undefined after answering for it (or not answering at all) as the bus would. */
function reachable(opts: ModbusBusOptions, unitId: number, cb: (err: Error, v: never[]) => void): BusUnit | undefined {
  const unit = opts.unit(unitId);
  if (unit?.answers()) return unit;
  if (opts.offlineReply === 'gateway-exception') {
    cb(new ModbusException(GATEWAY_TARGET_FAILED, `unit ${unitId} does not respond`), []);
  }
  return undefined;
}
