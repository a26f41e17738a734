/** A progress bar with a rate, on a terminal; nothing when the output is a file or a pipe. */
export function progressBar(stream: NodeJS.WriteStream, unit: string, started = Date.now()) {
  return (done: number, total: number) => {
    if (!stream.isTTY) return;
    const width = 30;
    const filled = total ? Math.round((done / total) * width) : width;
    const rate = done / Math.max(0.001, (Date.now() - started) / 1000);
    stream.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${unit}, ${rate.toFixed(0)}/s `);
    if (done >= total) stream.write('\n');
  };
}
