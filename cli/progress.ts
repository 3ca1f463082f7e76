/** A one-line progress bar on stderr, drawn only on a terminal, so logs and pipes stay clean. */
export function progressBar(total: number, label: string, stream: NodeJS.WriteStream = process.stderr) {
  const tty = Boolean(stream.isTTY) && total > 1;
  let last = -1;
  return {
    tick(done: number, current = ''): void {
      if (!tty) return;
      const pct = Math.floor((done / total) * 100);
      if (pct === last && done !== total) return;
      last = pct;
      const width = 24;
      const filled = Math.round((done / total) * width);
      const bar = '█'.repeat(filled) + '░'.repeat(width - filled);
      const name = current.length > 30 ? '…' + current.slice(-29) : current;
      stream.write(`\r${label} ${bar} ${done}/${total} ${name}`.padEnd(80) );
    },
    end(): void {
      if (tty) stream.write('\r' + ' '.repeat(80) + '\r');
    },
  };
}
