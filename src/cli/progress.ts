/** A progress bar with a rate, on a terminal; nothing when the output is a file or a pipe. */
export function progressBar(stream: NodeJS.WriteStream, unit: string, started = Date.now()) {
  /** `also`: a second count to give a rate for (items, while the bar counts files). */
  return (done: number, total: number, also?: { count: number; unit: string }) => {
    if (!stream.isTTY) return;
    const width = 30;
    const filled = total ? Math.round((done / total) * width) : width;
    const seconds = Math.max(0.001, (Date.now() - started) / 1000);
    const rate = also ? `${also.count} ${also.unit}, ${(also.count / seconds).toFixed(0)} ${also.unit}/s` : `${(done / seconds).toFixed(0)}/s`;
    stream.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${unit}, ${rate} `);
    if (done >= total) stream.write('\n');
  };
}
