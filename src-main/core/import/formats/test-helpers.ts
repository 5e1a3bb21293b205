// Helpers for the format tests only (not used by the parsers).

const encoders = new Map<string, Map<string, number>>()

/** Encode text in a single-byte legacy encoding (Node only ships a UTF-8 encoder). */
export function encodeSingleByte(text: string, label: 'windows-1256' | 'iso-8859-6' | 'windows-1252'): Uint8Array {
  let table = encoders.get(label)
  if (!table) {
    table = new Map()
    const dec = new TextDecoder(label)
    for (let b = 0xff; b >= 0; b--) {
      const ch = dec.decode(Uint8Array.of(b))
      if (ch !== '\ufffd') table.set(ch, b)
    }
    encoders.set(label, table)
  }
  const out: number[] = []
  for (const ch of text) {
    const b = table.get(ch)
    if (b === undefined) throw new Error(`${JSON.stringify(ch)} has no byte in ${label}`)
    out.push(b)
  }
  return Uint8Array.from(out)
}

export function encodeUtf16(text: string, endian: 'le' | 'be', bom: boolean): Uint8Array {
  const codes: number[] = bom ? [0xfeff] : []
  for (let i = 0; i < text.length; i++) codes.push(text.charCodeAt(i))
  const out = new Uint8Array(codes.length * 2)
  codes.forEach((c, i) => {
    out[i * 2 + (endian === 'le' ? 0 : 1)] = c & 0xff
    out[i * 2 + (endian === 'le' ? 1 : 0)] = c >> 8
  })
  return out
}

export const utf8 = (s: string) => new TextEncoder().encode(s)

/** White space collapsed, for comparing extracted text with expected text. */
export const squash = (s: string) => s.replace(/\s+/g, ' ').trim()
