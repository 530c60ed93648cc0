// Bytes arriving in pieces (an entry being unzipped), searched and taken from the front without joining the pieces:
// a run of a big sheet (tens of MB) is handed on as the pieces it arrived in, never copied into one buffer first.

export class PieceQueue {
  private pieces: Buffer[] = [];
  /** How many bytes are held. */
  size = 0;

  push(piece: Uint8Array): void {
    if (piece.byteLength === 0) return;
    this.pieces.push(Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength));
    this.size += piece.byteLength;
  }

  /** Where `pattern` first starts at or after `from` in the held bytes (it may span pieces); -1 when it does not. */
  indexOf(pattern: Buffer, from = 0): number {
    const seamBytes = pattern.byteLength - 1;
    let offset = 0;
    for (let i = 0; i < this.pieces.length; i++) {
      const piece = this.pieces[i]!;
      const end = offset + piece.byteLength;
      if (end > from) {
        // A match that starts in the pieces before and ends in this one.
        if (i > 0 && seamBytes > 0) {
          const behind = this.before(i, seamBytes);
          const seamStart = offset - behind.byteLength;
          const at = Buffer.concat([behind, piece.subarray(0, seamBytes)]).indexOf(pattern, Math.max(0, from - seamStart));
          if (at >= 0 && seamStart + at < offset) return seamStart + at;
        }
        const at = piece.indexOf(pattern, Math.max(0, from - offset));
        if (at >= 0) return offset + at;
      }
      offset = end;
    }
    return -1;
  }

  /** The last `n` bytes (or fewer) of the pieces before piece i. */
  private before(i: number, n: number): Buffer {
    const parts: Buffer[] = [];
    for (let k = i - 1, got = 0; k >= 0 && got < n; k--) {
      const p = this.pieces[k]!;
      parts.unshift(p.subarray(Math.max(0, p.byteLength - (n - got))));
      got += parts[0]!.byteLength;
    }
    return Buffer.concat(parts);
  }

  /** The first `n` bytes held (or all), copied into one buffer; they stay held. */
  peek(n: number): Buffer {
    const parts: Buffer[] = [];
    let got = 0;
    for (const p of this.pieces) {
      if (got >= n) break;
      parts.push(p.subarray(0, n - got));
      got += parts.at(-1)!.byteLength;
    }
    return Buffer.concat(parts);
  }

  /** Takes the first `n` bytes out, as the pieces (or parts of them) that hold them. */
  take(n: number): Buffer[] {
    const out: Buffer[] = [];
    let left = Math.min(n, this.size);
    this.size -= left;
    while (left > 0) {
      const p = this.pieces[0]!;
      if (p.byteLength <= left) {
        out.push(p);
        this.pieces.shift();
        left -= p.byteLength;
      } else {
        out.push(p.subarray(0, left));
        this.pieces[0] = p.subarray(left);
        left = 0;
      }
    }
    return out;
  }
}
