import fs from 'node:fs'

/** What reading a write-ahead log found. */
export interface WalReport {
  /** Frames written in the log's current generation (salts matching its header). */
  frames: number
  /** Commits SQLite will replay: those before the first frame that fails its checksum. */
  commitsReadable: number
  /**
   * Commits written after a frame that fails its checksum, each of them sound in itself: SQLite stops at the first
   * bad frame and drops them without a word. More than 0 means committed changes are lost.
   */
  commitsLost: number
  /** Where the first bad frame starts (byte offset), when there is one. */
  firstBadFrameAt: number | null
}

const HEADER = 32
const FRAME_HEADER = 24

/**
 * The checksum of SQLite's WAL format (https://www.sqlite.org/fileformat.html, "Checksum Algorithm"): over 32-bit
 * words in the byte order the magic number gives, two running sums s0 += x0 + s1, s1 += x1 + s0.
 */
function checksum(buf: Buffer, start: number, end: number, bigEndian: boolean, s: [number, number]): [number, number] {
  let [s0, s1] = s
  for (let i = start; i < end; i += 8) {
    const x0 = bigEndian ? buf.readUInt32BE(i) : buf.readUInt32LE(i)
    const x1 = bigEndian ? buf.readUInt32BE(i + 4) : buf.readUInt32LE(i + 4)
    s0 = (s0 + x0 + s1) >>> 0
    s1 = (s1 + x1 + s0) >>> 0
  }
  return [s0, s1]
}

/**
 * Reads `<db>-wal` as SQLite's recovery will, before SQLite opens it, and says whether committed transactions sit
 * beyond a damaged frame. SQLite replays the log up to the first frame whose checksum fails and silently ignores the
 * rest: a torn write of the last, uncommitted transaction is normal, but a sound commit after a bad frame is a commit
 * lost. Each frame's checksum continues from the one stored in the frame before it, so frames after a bad one can
 * still be checked on their own. Returns null when there is no log (or not one SQLite would read).
 */
export function checkWal(walFile: string): WalReport | null {
  let buf: Buffer
  try {
    buf = fs.readFileSync(walFile)
  } catch {
    return null
  }
  if (buf.length < HEADER) return null
  const magic = buf.readUInt32BE(0)
  if (magic !== 0x377f0682 && magic !== 0x377f0683) return null
  const bigEndian = magic === 0x377f0683
  const pageSize = buf.readUInt32BE(8) === 1 ? 65536 : buf.readUInt32BE(8)
  if (pageSize < 512 || pageSize > 65536 || (pageSize & (pageSize - 1)) !== 0) return null
  const salt1 = buf.readUInt32BE(16)
  const salt2 = buf.readUInt32BE(20)
  const headerSum = checksum(buf, 0, 24, bigEndian, [0, 0])
  if (headerSum[0] !== buf.readUInt32BE(24) || headerSum[1] !== buf.readUInt32BE(28)) return null

  const frameSize = FRAME_HEADER + pageSize
  let running: [number, number] = headerSum
  let previousStored: [number, number] = headerSum
  let broken = false
  let frames = 0
  let commitsReadable = 0
  let commitsLost = 0
  let firstBadFrameAt: number | null = null
  for (let at = HEADER; at + frameSize <= buf.length; at += frameSize) {
    if (buf.readUInt32BE(at + 8) !== salt1 || buf.readUInt32BE(at + 12) !== salt2) {
      // A frame of an earlier generation: the log was reset and rewritten from the start up to here.
      if (!broken) break
      continue
    }
    frames += 1
    const stored: [number, number] = [buf.readUInt32BE(at + 16), buf.readUInt32BE(at + 20)]
    const isCommit = buf.readUInt32BE(at + 4) !== 0
    const sum = (seed: [number, number]): [number, number] =>
      checksum(buf, at + FRAME_HEADER, at + frameSize, bigEndian, checksum(buf, at, at + 8, bigEndian, seed))
    if (!broken) {
      const s = sum(running)
      if (s[0] === stored[0] && s[1] === stored[1]) {
        running = s
        if (isCommit) commitsReadable += 1
      } else {
        broken = true
        firstBadFrameAt = at
      }
    } else {
      const s = sum(previousStored)
      if (isCommit && s[0] === stored[0] && s[1] === stored[1]) commitsLost += 1
    }
    previousStored = stored
  }
  return { frames, commitsReadable, commitsLost, firstBadFrameAt }
}
