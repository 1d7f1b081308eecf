// What the sample scale's driver reads and the placement detector consumes
// (register map: firmware-sim/README.md, "Sample cabinet scale").

/** One slot of the scale as the indicator shows it. */
export interface SlotSample {
  /** 1-based, as on the cabinet and in the wire contract. */
  slot: number;
  /** Gross grams (0.1 g resolution). */
  grossG: number;
  /** The slot's preset tare (its empty sample box), grams. */
  tareG: number;
  /** The indicator's motion detection says the weight is not moving. */
  stable: boolean;
  /** Beyond the load cell's rated capacity: the number means nothing. */
  overload: boolean;
}

/** A scanner buffer: the last text scanned and how many scans there have been (0 = none since power-up). */
export interface ScanBuffer {
  counter: number;
  text: string;
}

/** Everything the indicator shows at one poll. */
export interface ScaleSnapshot {
  /** From the gateway's injected clock, when the poll went out. */
  ts: number;
  serial: string;
  slots: SlotSample[];
  label: ScanBuffer;
  badge: ScanBuffer;
}

/** A poll never throws: a silent or unreachable indicator is `ok: false` with the reason, for the log. */
export type ScaleRead = ({ ok: true } & ScaleSnapshot) | { ok: false; ts: number; detail: string };
