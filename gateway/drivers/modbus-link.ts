// The one gateway file that touches modbus-serial: a TCP connection to a
// Modbus TCP gateway (an RS-485 bus behind it), for the probe and scale drivers.
import modbusSerial from 'modbus-serial';

// The package is CommonJS with an ESM-style `export default` in its typings; `.default`
// is the client class both for TypeScript (NodeNext) and at run time.
const ModbusRTU = modbusSerial.default;
export type ModbusClient = InstanceType<typeof ModbusRTU>;

export interface ModbusLinkOptions {
  host: string;
  port: number;
  /** Per request and for connecting. */
  timeoutMs: number;
  /** After this many timeouts in a row (on any units) the TCP link is presumed half-open and reopened. */
  reconnectAfterTimeouts?: number;
}

/** Modbus exceptions 0x0A/0x0B: the TCP gateway itself says the serial unit is unreachable. */
const GATEWAY_NO_ANSWER = new Set([0x0a, 0x0b]);

export type ModbusRequest = (client: ModbusClient) => Promise<{ data: number[] }>;

/**
 * One TCP connection, used by one request at a time: the serial bus behind
 * it is half-duplex, and modbus-serial's unit id is a setting of the client,
 * so interleaved requests would go to the wrong unit.
 */
export function createModbusLink(opts: ModbusLinkOptions) {
  let client: ModbusClient | undefined;
  let queue: Promise<unknown> = Promise.resolve();
  let timeoutsInARow = 0;
  const maxTimeouts = opts.reconnectAfterTimeouts ?? 5;

  const link = {
    /** (Re)opens the link for a driver's connect(). */
    connect: (): Promise<void> => link.exclusive(async () => {
      link.closed = false;
      await link.open();
    }),
    /** Closes it for good (until connect()), after the request in progress. */
    close: (): Promise<void> => link.exclusive(() => {
      link.closed = true;
      return link.drop();
    }),
    exclusive<T>(fn: () => Promise<T>): Promise<T> {
      const run = queue.then(fn, fn);
      queue = run.catch(() => undefined);
      return run;
    },
    closed: false,
    async open(): Promise<ModbusClient> {
      if (link.closed) throw new Error('driver closed');
      if (client?.isOpen) return client;
      await link.drop();
      client = await connect(opts);
      return client;
    },
    async drop(): Promise<void> {
      const c = client;
      client = undefined;
      if (c) await new Promise<void>((resolve) => c.destroy(() => resolve()));
    },
    async request(unitId: number, send: ModbusRequest): Promise<number[]> {
      const c = await link.open();
      c.setID(unitId);
      c.setTimeout(opts.timeoutMs);
      try {
        const { data } = await send(c);
        timeoutsInARow = 0;
        return data;
      } catch (err) {
        timeoutsInARow = isTimeout(err) ? timeoutsInARow + 1 : 0;
        // A closed socket, or a link that has gone silent for every unit: start afresh on the next read.
        if (!c.isOpen || timeoutsInARow >= maxTimeouts) await link.drop();
        throw err;
      }
    },
  };
  return link;
}

/** connectTCP has no timeout of its own for a host that never answers the SYN. */
async function connect(opts: ModbusLinkOptions): Promise<ModbusClient> {
  const c = new ModbusRTU();
  // Socket errors after connecting surface as failed requests and isOpen = false;
  // without a listener the EventEmitter would throw them out of the process.
  c.on('error', () => undefined);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`connect timeout after ${opts.timeoutMs} ms`)), opts.timeoutMs);
  });
  try {
    await Promise.race([c.connectTCP(opts.host, { port: opts.port }), timeout]);
    return c;
  } catch (err) {
    c.destroy(() => undefined);
    throw err;
  } finally {
    clearTimeout(timer);
  }
}

export function isTimeout(err: unknown): boolean {
  return typeof err === 'object' && err !== null && 'errno' in err && err.errno === 'ETIMEDOUT';
}

/** A failed request in words for the log: timeout, the bus gateway's "no answer", or the exception. */
export function describeModbusError(err: unknown, what = 'unit'): string {
  if (isTimeout(err)) return 'timeout';
  const code = typeof err === 'object' && err !== null && 'modbusCode' in err ? Number(err.modbusCode) : NaN;
  if (GATEWAY_NO_ANSWER.has(code)) return `gateway: ${what} does not respond (exception ${code})`;
  if (!Number.isNaN(code)) return `modbus exception ${code}`;
  return err instanceof Error ? err.message : String(err);
}
